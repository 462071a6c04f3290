// Missing episodes: heavy-tailed, in the placement current when they began, with the rules of libs/missing.

import { MissingKind, returnInterviewDueBy, startsSoonAfterPlacement } from '@haven/missing';
import { PlacementEndReason } from '@haven/placements';
import * as data from '../national-data';
import { Random } from './random';
import { DAY, HOUR, isoOf, londonDay, MINUTE } from './time';
import { MissingEpisodeRow, PlacementRow } from './rows';
import { ChildContext } from './context';

const EPISODES_MEDIAN = 25;
const EPISODES_MAX = 400;
const EPISODES_SIGMA = 1.25;
/** The share of episodes drawn to begin in the first 72 hours of a placement: "many within 24 hours". */
const SOON_SHARE = 0.35;

export function episodesFor(ctx: ChildContext, placements: PlacementRow[]): MissingEpisodeRow[] {
  const { rnd, plan } = ctx;
  const careStart = placements[0].startedAt;
  const careEnd = ctx.careEnd;
  const wanted = Math.max(1, Math.round(rnd.logNormal(EPISODES_MEDIAN, EPISODES_SIGMA)));
  const count = Math.min(wanted, EPISODES_MAX, Math.floor((careEnd - careStart) / (36 * HOUR)));
  const starts: { at: number; placement: number }[] = [];
  for (let i = 0; i < count; i += 1) {
    if (rnd.chance(SOON_SHARE)) {
      const p = rnd.int(0, placements.length - 1);
      const at = placements[p].startedAt + rnd.int(30, 72 * 60) * MINUTE;
      if (at < (placements[p].endedAt ?? careEnd) - HOUR) starts.push({ at, placement: p });
      continue;
    }
    const at = careStart + Math.floor((rnd.float() * (careEnd - careStart - HOUR)) / MINUTE) * MINUTE;
    starts.push({ at, placement: placementAt(placements, at) });
  }
  starts.sort((a, b) => a.at - b.at);
  const arrivalDate = ctx.arrivalOn === null ? null : isoOf(ctx.arrivalOn);
  const episodes: MissingEpisodeRow[] = [];
  let previousEnd = -Infinity;
  starts.forEach(({ at, placement }, i) => {
    if (at - previousEnd < 90 * MINUTE) return;
    const p = placements[placement];
    const next = i + 1 < starts.length ? starts[i + 1].at : Infinity;
    const limit = Math.min(next, p.endedAt ?? careEnd) - MINUTE;
    // at most one open episode: the child's last, recent, in the current placement
    const stillMissing =
      i === starts.length - 1 && p.endedAt === null && at > plan.horizon - 14 * DAY && rnd.chance(0.1);
    const episode = missingEpisode(ctx, p, at, limit, stillMissing);
    if (!episode) return;
    // libs/missing's rule, as reportMissing applies it
    episode.soonAfterPlacement = startsSoonAfterPlacement(
      new Date(at),
      new Date(p.startedAt),
      arrivalDate,
      plan.settings.soonAfterPlacementHours,
    );
    episodes.push(episode);
    previousEnd = episode.returnedAt ?? Infinity;
  });
  return episodes;
}

function placementAt(placements: readonly PlacementRow[], at: number): number {
  let found = 0;
  for (let i = 0; i < placements.length && placements[i].startedAt <= at; i += 1) found = i;
  return found;
}

/** One episode from `at`, returning before `limit` (the next episode or the placement's end). */
function missingEpisode(
  ctx: ChildContext,
  placement: PlacementRow,
  at: number,
  limit: number,
  stillMissing: boolean,
): MissingEpisodeRow | null {
  const { rnd, plan } = ctx;
  const kind = rnd.chance(0.25) ? MissingKind.AWAY : MissingKind.MISSING;
  const hours = kind === MissingKind.AWAY ? rnd.int(1, 12) : Math.min(30 * 24, rnd.logNormal(16, 1.1));
  const returnedAt = stillMissing ? null : Math.min(limit, at + Math.round(hours * 60) * MINUTE);
  if (returnedAt !== null && returnedAt - at < 10 * MINUTE) return null;
  const beforeHorizon = (instant: number) => Math.max(at, Math.min(instant, plan.horizon - MINUTE));
  const police = kind === MissingKind.MISSING;
  const reportedToPoliceAt = police ? beforeHorizon(at + rnd.int(20, 240) * MINUTE) : null;
  return {
    id: rnd.uuid(),
    childId: ctx.id,
    localAuthorityId: ctx.authority.id,
    kind,
    placementId: placement.id,
    missingSince: at,
    reportedToPoliceAt,
    policeReference:
      reportedToPoliceAt === null
        ? null
        : `MP/${isoOf(londonDay(at)).slice(2, 4)}/${String(rnd.int(0, 999_999)).padStart(6, '0')}`,
    policeRiskLevel: police ? rnd.weighted(data.POLICE_RISK) : null,
    lastSeenLocation: rnd.chance(0.95) ? rnd.pick(data.LAST_SEEN_LOCATIONS) : null,
    lastSeenWith: rnd.chance(0.7) ? rnd.pick(data.LAST_SEEN_WITH) : null,
    circumstances: rnd.chance(0.4) ? rnd.pick(data.CIRCUMSTANCES) : null,
    traffickerContactFeared: ctx.trafficked && rnd.chance(0.3),
    soonAfterPlacement: false,
    returnedAt,
    whereFound: returnedAt !== null && rnd.chance(0.8) ? rnd.pick(data.WHERE_FOUND) : null,
    foundBy: returnedAt !== null ? rnd.weighted(data.FOUND_BY) : null,
    returnInterviewDueBy:
      returnedAt === null
        ? null
        : returnInterviewDueBy(new Date(returnedAt), plan.settings.returnInterviewDueHours).getTime(),
    ...(returnedAt === null ? NO_INTERVIEW : returnInterview(rnd, returnedAt, plan.horizon)),
    reportedAt: beforeHorizon(at + rnd.int(10, 180) * MINUTE),
    reportedBy: ctx.worker.id,
  };
}

type Interview = Pick<
  MissingEpisodeRow,
  | 'interviewOfferedAt'
  | 'interviewCompletedAt'
  | 'interviewDeclined'
  | 'interviewConductedBy'
  | 'interviewFindings'
>;

const NO_INTERVIEW: Interview = {
  interviewOfferedAt: null,
  interviewCompletedAt: null,
  interviewDeclined: false,
  interviewConductedBy: null,
  interviewFindings: null,
};

/** Offered within 72 hours mostly, then completed or declined; only recent returns may still wait for one. */
function returnInterview(rnd: Random, returnedAt: number, horizon: number): Interview {
  if (returnedAt > horizon - 14 * DAY && rnd.chance(0.06)) return NO_INTERVIEW;
  const late = rnd.chance(0.1);
  const offeredAt = returnedAt + (late ? rnd.int(72 * 60, 240 * 60) : rnd.int(60, 66 * 60)) * MINUTE;
  if (offeredAt >= horizon) return NO_INTERVIEW;
  const offered = {
    ...NO_INTERVIEW,
    interviewOfferedAt: offeredAt,
    interviewConductedBy: rnd.pick(data.INTERVIEWERS),
  };
  if (rnd.chance(0.1)) return { ...offered, interviewDeclined: true };
  const completedAt = offeredAt + rnd.int(0, 48 * 60) * MINUTE;
  if (completedAt >= horizon) return offered;
  return {
    ...offered,
    interviewCompletedAt: completedAt,
    interviewFindings: rnd.chance(0.35) ? rnd.pick(data.FINDINGS) : null,
  };
}

/** Some placements that saw episodes ended because the child went missing. */
export function markPlacementsLeftWhenMissing(
  rnd: Random,
  placements: PlacementRow[],
  episodes: MissingEpisodeRow[],
): void {
  if (episodes.length === 0) return;
  const withEpisodes = new Set(episodes.map((episode) => episode.placementId));
  for (let i = 0; i < placements.length - 1; i += 1) {
    if (withEpisodes.has(placements[i].id) && rnd.chance(0.3)) {
      placements[i].endReason = PlacementEndReason.CHILD_WENT_MISSING;
    }
  }
}

export function missingTimes(episodes: readonly MissingEpisodeRow[]): Float64Array {
  const times = new Float64Array(episodes.length * 2);
  episodes.forEach((episode, i) => {
    times[2 * i] = episode.missingSince;
    times[2 * i + 1] = episode.returnedAt ?? Infinity;
  });
  return times;
}
