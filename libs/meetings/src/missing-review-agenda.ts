import { AgendaReason } from './meeting.enums';

/**
 * A missing review's agenda, from the SQL functions of migration 014 (the rule is written there, once):
 * every child of the authority with a missing episode since the previous held missing review (six weeks
 * when there was none), and every child missing now. While the review is scheduled the agenda is live,
 * read afresh as of the request's instant; recording the outcome stores it as of `heldAt`.
 */

/** The meeting `m` is a missing review whose agenda is still live. */
export const LIVE_AGENDA = `(m.type = 'MISSING_REVIEW' AND m.status = 'SCHEDULED')`;

/** Where the window of the live agenda of meeting `m` starts, as of the instant `asOf` (a parameter). */
export const liveSince = (asOf: string) => `haven_missing_review_since(m.local_authority_id, m.id, ${asOf})`;

/**
 * The agenda rows (meeting_id, child_id, local_authority_id, added_because, decision, episode_count) of the
 * meetings `m` the condition selects: what was stored, and for a scheduled missing review the children
 * named when it was scheduled and the live list (whose reason wins over "named").
 */
export function agendaRows(meetings: string, asOf: string): string {
  return `SELECT DISTINCT ON (x.meeting_id, x.child_id) x.* FROM (
      SELECT mc.meeting_id, mc.child_id, mc.local_authority_id, mc.added_because, mc.decision, mc.episode_count
        FROM meeting_child mc JOIN meeting m ON m.id = mc.meeting_id
       WHERE ${meetings} AND (mc.added_because = 'NAMED' OR NOT ${LIVE_AGENDA})
      UNION ALL
      SELECT m.id, a.child_id, a.local_authority_id, a.added_because, NULL::text, a.episode_count
        FROM meeting m
        CROSS JOIN LATERAL haven_missing_review_agenda(m.local_authority_id, ${liveSince(asOf)}, 'infinity') a
       WHERE ${meetings} AND ${LIVE_AGENDA}
    ) x ORDER BY x.meeting_id, x.child_id, x.added_because = 'NAMED'`;
}

/** Meeting `m` has on its agenda (stored or live) a child row `v` meeting the condition. */
export function onAgenda(condition: string, asOf: string): string {
  return `(EXISTS (SELECT 1 FROM meeting_child v WHERE v.meeting_id = m.id AND ${condition}
                     AND (v.added_because = 'NAMED' OR NOT ${LIVE_AGENDA}))
           OR (${LIVE_AGENDA} AND EXISTS (SELECT 1
                 FROM haven_missing_review_agenda(m.local_authority_id, ${liveSince(asOf)}, 'infinity') v
                WHERE ${condition})))`;
}

const LONDON_DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** An instant's London date as a chair reads it: "21 Oct 2026". */
export const londonDay = (instant: Date): string => LONDON_DAY.format(instant);

/** Why a child is on the agenda, as the chair reads it: "Missing now", "2 episodes since 21 Oct 2026". */
export function agendaReasonText(
  because: AgendaReason,
  episodes: number | null,
  since: Date | null,
  held: boolean,
): string {
  const count =
    episodes && since ? `${episodes} episode${episodes === 1 ? '' : 's'} since ${londonDay(since)}` : null;
  switch (because) {
    case AgendaReason.MISSING_NOW:
      return [held ? 'Missing when the review was held' : 'Missing now', count].filter(Boolean).join('; ');
    case AgendaReason.MISSING_SINCE_LAST_REVIEW:
      return count ?? 'Missing since the last review';
    case AgendaReason.NAMED:
      return 'Named when the meeting was scheduled';
  }
}
