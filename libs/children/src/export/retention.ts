import DataLoader from 'dataloader';
import { childScope, IsoDate, queryRows, RequestContext } from '@haven/platform';
import { z } from 'zod';

const RetainUntilRow = z.object({ id: z.string(), retain_until: z.string().nullable() });

/**
 * The day from which a child's records may be purged, from `haven_retain_until` (migration 014), the one
 * statement of the rule: the 75th birthday of the effective date of birth in England, Wales and Northern
 * Ireland, the 100th in Scotland (Looked After Children (Scotland) Regulations 2009 reg 43); for a child who
 * died before 18 (a case closed as DIED, on the day of the death), 15 years after the death (25 in
 * Scotland) when that is later. The nation is that of the authority now responsible for the child. Null
 * when no date of birth is recorded: the retention cannot be computed, and the record is kept.
 */
export const retainUntilSql = (child = 'c'): string =>
  `haven_retain_until(${child}.effective_date_of_birth,
     (SELECT o.nation FROM organisation o WHERE o.id = ${child}.local_authority_id),
     ${child}.closure_reason, ${child}.closed_on)`;

/** `Child.retainUntil`, batched per request (the case file reads it with the child, as a ChildEdge). */
export function retainUntilLoader(ctx: RequestContext): DataLoader<string, IsoDate | null> {
  return ctx.loader(
    'child.retainUntil',
    () =>
      new DataLoader(async (ids: readonly string[]) => {
        const em = await ctx.em();
        const rows = await queryRows(
          em,
          RetainUntilRow,
          `SELECT c.id, (${retainUntilSql('c')})::text AS retain_until
             FROM child c WHERE c.id = ANY($1::uuid[]) AND ${childScope(ctx.actor)}`,
          [ids],
        );
        const byId = new Map(rows.map((row) => [row.id, row.retain_until]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}
