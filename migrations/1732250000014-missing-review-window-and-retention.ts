import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two rules of domain.md, each written once, in SQL:
 *
 * - A missing review's agenda. It discusses every child of the authority with a missing episode that
 *   started in its window, and every child missing at its end. The window starts when the previous
 *   missing review of the authority was held (six weeks before its end when there was none) and ends
 *   when this one is held: while it is scheduled the agenda is live (the window is open-ended), and
 *   recording the outcome fixes it as of `heldAt`, so the next review starts exactly where this one
 *   ended and no episode falls between two reviews. Windows are half-open, [since, until): an episode
 *   starting at the very instant a review is held belongs to the next review.
 * - How long a child's records are kept (`haven_retain_until`): to the 75th birthday in England, Wales
 *   and Northern Ireland, the 100th in Scotland (Looked After Children (Scotland) Regulations 2009
 *   reg 43); for a child who died before 18 (the case closed as DIED on the day of the death), to 15
 *   years after the death (25 in Scotland) when that is later. Unknown date of birth: null, never purged.
 */
export class MissingReviewWindowAndRetention1732250000014 implements MigrationInterface {
  name = 'MissingReviewWindowAndRetention1732250000014';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- how many of the child's episodes started in the review's window (null: named, or held before it was counted)
      ALTER TABLE meeting_child ADD COLUMN episode_count int CHECK (episode_count >= 0);
      -- a scheduled missing review's agenda is now read live: what was stored when it was scheduled goes
      -- (nothing hangs off it: decisions and actions come with the outcome)
      DELETE FROM meeting_child mc USING meeting m
       WHERE m.id = mc.meeting_id AND m.type = 'MISSING_REVIEW' AND m.status = 'SCHEDULED'
         AND mc.added_because <> 'NAMED';

      -- Where the window of a missing review ending at \`until\` starts: when the latest other missing review
      -- of the authority held by then was held, otherwise six weeks earlier. It reads only when meetings
      -- were held, no child's data, past the policies: a guardian must find the same window as the authority.
      CREATE FUNCTION haven_missing_review_since(authority uuid, review uuid, until timestamptz)
        RETURNS timestamptz LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT coalesce(
          (SELECT max(m.held_at) FROM meeting m
            WHERE m.local_authority_id = authority AND m.type = 'MISSING_REVIEW' AND m.status = 'HELD'
              AND m.id IS DISTINCT FROM review AND m.held_at <= until),
          until - interval '1008 hours')
      $$;

      -- The agenda of a missing review of the authority over [since, until): every child with an episode
      -- starting in it, and every child missing at \`until\` ('infinity': missing now, the live agenda).
      -- Reads missing_episode under the caller's policies: a guardian gets their own children only.
      CREATE FUNCTION haven_missing_review_agenda(authority uuid, since timestamptz, until timestamptz)
        RETURNS TABLE (child_id uuid, local_authority_id uuid, added_because text, episode_count int)
        LANGUAGE sql STABLE AS $$
        SELECT e.child_id, e.local_authority_id,
               CASE WHEN bool_or(e.returned_at IS NULL OR e.returned_at > until) THEN 'MISSING_NOW'
                    ELSE 'MISSING_SINCE_LAST_REVIEW' END,
               (count(*) FILTER (WHERE e.missing_since >= since))::int
          FROM missing_episode e
         WHERE e.local_authority_id = authority AND e.missing_since < until
           AND (e.missing_since >= since OR e.returned_at IS NULL OR e.returned_at > until)
         GROUP BY e.child_id, e.local_authority_id
      $$;

      -- a guardian sees a scheduled missing review whose live agenda holds one of their children
      DROP POLICY haven_scope ON meeting;
      CREATE POLICY haven_scope ON meeting
        USING (${MEETING_SCOPE}) WITH CHECK (${MEETING_SCOPE});

      CREATE FUNCTION haven_retain_until(date_of_birth date, nation text, closure_reason text, closed_on date)
        RETURNS date LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN date_of_birth IS NOT NULL THEN greatest(
          (date_of_birth + make_interval(years => CASE nation WHEN 'SCOTLAND' THEN 100 ELSE 75 END))::date,
          CASE WHEN closure_reason = 'DIED' AND closed_on < (date_of_birth + interval '18 years')::date
               THEN (closed_on + make_interval(years => CASE nation WHEN 'SCOTLAND' THEN 25 ELSE 15 END))::date END)
        END
      $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION haven_retain_until(date, text, text, date);
      DROP POLICY haven_scope ON meeting;
      CREATE POLICY haven_scope ON meeting USING (${PREVIOUS_MEETING_SCOPE}) WITH CHECK (${PREVIOUS_MEETING_SCOPE});
      DROP FUNCTION haven_missing_review_agenda(uuid, timestamptz, timestamptz);
      DROP FUNCTION haven_missing_review_since(uuid, uuid, timestamptz);
      ALTER TABLE meeting_child DROP COLUMN episode_count;
    `);
  }
}

// as in migration 009
const CHILDREN = `(SELECT coalesce(nullif(current_setting('haven.children', true), ''), '{}')::uuid[])::uuid[]`;
const PREVIOUS_MEETING_SCOPE = `(SELECT current_setting('haven.system', true) = 'on') IS TRUE
  OR local_authority_id = (SELECT nullif(current_setting('haven.authority', true), '')::uuid)
  OR EXISTS (SELECT 1 FROM meeting_child mc WHERE mc.meeting_id = meeting.id AND mc.child_id = ANY (${CHILDREN}))`;
const MEETING_SCOPE = `${PREVIOUS_MEETING_SCOPE}
  OR (meeting.type = 'MISSING_REVIEW' AND meeting.status = 'SCHEDULED' AND cardinality(${CHILDREN}) > 0
      AND EXISTS (SELECT 1 FROM haven_missing_review_agenda(meeting.local_authority_id,
                    haven_missing_review_since(meeting.local_authority_id, meeting.id, now()), 'infinity') a
                   WHERE a.child_id = ANY (${CHILDREN})))`;
