// Placements, one after another while the case is open.

import { CaseClosureReason } from '@haven/children';
import { PlacementEndReason, PlacementType, UNSAFE_FOR_CHILDREN } from '@haven/placements';
import * as data from '../national-data';
import { birthdayOf, DAY, HOUR, londonDay, MINUTE } from './time';
import { PlacementRow } from './rows';
import { ChildContext } from './context';

const END_REASON_FOR_CLOSURE: Record<CaseClosureReason, PlacementEndReason> = {
  TURNED_18_TO_LEAVING_CARE: PlacementEndReason.TURNED_18,
  RETURNED_TO_FAMILY: PlacementEndReason.RETURNED_TO_FAMILY,
  AGE_ASSESSED_ADULT: PlacementEndReason.AGE_ASSESSED_ADULT,
  TRANSFERRED: PlacementEndReason.OTHER,
  DIED: PlacementEndReason.OTHER,
  OTHER: PlacementEndReason.OTHER,
};

/** Consecutive placements from registration to the end of care; the last one open while the case is. */
export function placementsFor(ctx: ChildContext): PlacementRow[] {
  const { rnd, plan } = ctx;
  const careStart = ctx.registeredAt + rnd.int(0, 180) * MINUTE;
  const span = ctx.careEnd - careStart;
  const count = Math.min(rnd.weighted(data.PLACEMENT_COUNT), 1 + Math.floor(span / (3 * DAY)));
  const moves: number[] = [];
  for (let i = 1; i < count; i += 1) moves.push(careStart + 6 * HOUR + rnd.float() * (span - 12 * HOUR));
  moves.sort((a, b) => a - b);
  const starts = [careStart];
  for (const move of moves) {
    const at = Math.floor(move / MINUTE) * MINUTE;
    if (at - starts[starts.length - 1] >= 6 * HOUR) starts.push(at);
  }
  const open = ctx.closedOn === null;
  const kind = ctx.profile.arrival === 'INTERNAL' ? 'UK' : 'UASC';
  return starts.map((startedAt, i) => {
    const last = i === starts.length - 1;
    const endedAt = last ? (open ? null : ctx.careEnd) : starts[i + 1];
    const type = placementType(ctx, kind, i === 0, last && open);
    const outOfArea = rnd.chance(0.35);
    const area = outOfArea ? rnd.pick(plan.authorities).name : ctx.authority.name;
    const flat = rnd.chance(0.3) ? `Flat ${rnd.int(1, 24)}, ` : '';
    return {
      id: rnd.uuid(),
      childId: ctx.id,
      localAuthorityId: ctx.authority.id,
      type,
      provider: rnd.pick(data.PLACEMENT_PROVIDERS[type]).replace('{la}', ctx.authority.name),
      address: `${flat}${rnd.int(1, 180)} ${rnd.pick(data.STREETS)}, ${area}`,
      startedAt,
      endedAt,
      endReason:
        endedAt === null
          ? null
          : last
            ? END_REASON_FOR_CLOSURE[ctx.closure!]
            : rnd.weighted(data.PLACEMENT_MOVES),
      outOfArea,
      specialist:
        type === PlacementType.SPECIALIST_FOSTER_CARE || type === PlacementType.SPECIALIST_SAFE_ACCOMMODATION,
      safetyPlan: rnd.chance(ctx.trafficked ? 0.7 : 0.3),
      // unsafe for a child, or for anyone whose age was disputed, when the placement began
      unsafe:
        UNSAFE_FOR_CHILDREN.has(type) &&
        (londonDay(startedAt) < birthdayOf(ctx.effectiveBirth, 18) || ctx.hasAssessment),
      createdAt: Math.min(startedAt + rnd.int(5, 240) * MINUTE, plan.horizon - MINUTE),
      createdBy: ctx.worker.id,
      endedBy: endedAt === null ? null : ctx.worker.id,
    };
  });
}

/**
 * Unsafe types are rare and mostly short, so few children are still in one; a child whose age is
 * disputed is sometimes placed with adults on arrival, as the documents describe.
 */
function placementType(
  ctx: ChildContext,
  kind: 'UK' | 'UASC',
  first: boolean,
  current: boolean,
): PlacementType {
  const { rnd } = ctx;
  if (first && ctx.hasAssessment && rnd.chance(0.08)) return PlacementType.ADULT_ASYLUM_ACCOMMODATION;
  let type = rnd.weighted(data.PLACEMENT_TYPES[kind]);
  while (current && UNSAFE_FOR_CHILDREN.has(type) && rnd.chance(0.97))
    type = rnd.weighted(data.PLACEMENT_TYPES[kind]);
  return type;
}

/** Heavy-tailed: most children never go missing; of those who do, some go a hundred times and more. */
