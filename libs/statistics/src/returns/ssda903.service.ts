import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  forbidden,
  invalidField,
  Nation,
  queryRows,
  RequestContext,
  startOfLondonDay,
} from '@haven/platform';
import { z } from 'zod';
import { Ssda903ExportInput, Ssda903ExportModel } from './ssda903.model';
import {
  beganAsAdult,
  checkMissing,
  checkUasc,
  collectionYear,
  CollectionYear,
  dateUascCeased,
  dayAfter,
  eighteenBeforeYear,
  MissingRecord,
  missingCsv,
  missingEnd,
  sexCode,
  UascRecord,
  uascCsv,
} from './ssda903.rules';

const ChildRow = z.object({
  id: z.string(),
  local_authority_id: z.string(),
  local_child_id: z.string().nullable(),
  gender: z.string(),
  date_of_birth: z.string().nullable(),
  uasc: z.boolean(),
  closed_on: z.string().nullable(),
  closure_reason: z.string().nullable(),
});
type ChildRow = z.infer<typeof ChildRow>;

const EpisodeRow = z.object({
  child_id: z.string(),
  kind: z.enum(['MISSING', 'AWAY']),
  start: z.string(),
  returned_on: z.string().nullable(),
});
type EpisodeRow = z.infer<typeof EpisodeRow>;

/**
 * The SSDA903 (children looked after) return's Missing and UASC tables for an English authority and
 * a collection year, with the checks the DfE validator applies to them, per child.
 *
 * Both tables cover the same children: those of the authority looked after at some time in the year
 * (known to Haven by its end, case not closed before its start), except young people who were 18
 * before it. A record is often entered after the care began, so the child is known from the earliest
 * of registration, first placement and first missing episode.
 * Missing lists their episodes that were open at some time in the year; UASC lists those of them who
 * are unaccompanied asylum-seeking children.
 *
 * CHILD is the authority's own identifier (localChildId), so the rows join the Header and Episodes its
 * case-management system sends. A child without one is left out of the files and listed as a problem
 * with Haven's id: a row with a blank or invented CHILD is rejected by the validator (or, worse, joins
 * nobody and is counted as a child the authority never returned), and one bad row holds up the whole
 * submission. The team manager records the person id and exports again.
 */
@Injectable()
export class Ssda903Service {
  async export(ctx: RequestContext, input: Ssda903ExportInput): Promise<Ssda903ExportModel> {
    const code = input.authorityCode ?? ctx.actor.organisationCode;
    if (code !== ctx.actor.organisationCode) throw forbidden('The return is made by the authority itself');
    if (ctx.actor.nation !== Nation.ENGLAND)
      throw invalidField('authorityCode', 'SSDA903 is the return of English authorities');
    const period = collectionYear(input.year);
    const em = await ctx.em();
    const yearStarts = startOfLondonDay(period.start);
    const yearEnds = startOfLondonDay(dayAfter(period.end));
    // The date of birth is the effective one, the one the authority works with and returns in its
    // Header: for a disputed age that is the claimed date until an assessment is completed (benefit of
    // the doubt), never one an unfinished or challenged assessment might give.
    const children = (
      await queryRows(
        em,
        ChildRow,
        `SELECT c.id, c.local_authority_id, c.local_child_id, c.gender, c.effective_date_of_birth AS date_of_birth,
                'UNACCOMPANIED_ASYLUM_SEEKING' = ANY(c.categories) AS uasc, c.closed_on, c.closure_reason
           FROM child c
          WHERE c.local_authority_id = $1
            AND (c.closed_on IS NULL OR c.closed_on >= $2::date)
            AND least((c.registered_at AT TIME ZONE 'Europe/London')::date,
                      (SELECT min((p.started_at AT TIME ZONE 'Europe/London')::date) FROM placement p WHERE p.child_id = c.id),
                      (SELECT min((m.missing_since AT TIME ZONE 'Europe/London')::date) FROM missing_episode m WHERE m.child_id = c.id)
                ) <= $3::date`,
        [ctx.actor.localAuthorityId, period.start, period.end],
      )
    ).filter((child) => !eighteenBeforeYear(child.date_of_birth, period));
    const inScope = new Map(children.map((child) => [child.id, child]));
    // Episodes open at some time in the year: started before the end of 31 March (570) and not
    // ended before 1 April began (571), in London time.
    const episodes = (
      await queryRows(
        em,
        EpisodeRow,
        `SELECT m.child_id, m.kind, (m.missing_since AT TIME ZONE 'Europe/London')::date AS start,
                (m.returned_at AT TIME ZONE 'Europe/London')::date AS returned_on
           FROM missing_episode m
          WHERE m.local_authority_id = $1 AND m.missing_since < $3 AND (m.returned_at IS NULL OR m.returned_at >= $2)
          ORDER BY m.missing_since, m.id`,
        [ctx.actor.localAuthorityId, yearStarts, yearEnds],
      )
    ).filter((episode) => {
      const child = inScope.get(episode.child_id);
      return child !== undefined && !beganAsAdult(child.date_of_birth, episode.start);
    });

    const missing = episodes.map((episode) => missingRecord(inScope.get(episode.child_id)!, episode, period));
    const uasc = children.filter((child) => child.uasc).map((child) => uascRecord(child, period));
    const byChild = (a: MissingRecord | UascRecord, b: MissingRecord | UascRecord) =>
      compare(a.child, b.child) || compare(a.childId, b.childId);
    missing.sort((a, b) => byChild(a, b) || compare(a.start ?? '', b.start ?? ''));
    uasc.sort(byChild);
    const problems = [...checkMissing(missing, period), ...checkUasc(uasc, period)];

    const reported = new Set([...missing, ...uasc].map((row) => row.childId));
    for (const childId of reported) {
      const child = inScope.get(childId)!;
      ctx.audit(
        AuditAction.EXPORT,
        'Ssda903Return',
        { id: child.id, childId: child.id, localAuthorityId: child.local_authority_id },
        { year: input.year },
      );
    }
    return {
      authorityCode: code,
      periodStart: period.start,
      periodEnd: period.end,
      missingCsv: missingCsv(missing.filter((row) => row.child)),
      uascCsv: uascCsv(uasc.filter((row) => row.child)),
      problems,
    };
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function missingRecord(child: ChildRow, episode: EpisodeRow, period: CollectionYear): MissingRecord {
  return {
    child: child.local_child_id ?? '',
    childId: child.id,
    dob: child.date_of_birth,
    missing: episode.kind === 'AWAY' ? 'A' : 'M',
    start: episode.start,
    end: missingEnd(episode.returned_on, period),
  };
}

function uascRecord(child: ChildRow, period: CollectionYear): UascRecord {
  return {
    child: child.local_child_id ?? '',
    childId: child.id,
    sex: sexCode(child.gender, period.year),
    dob: child.date_of_birth,
    duc: dateUascCeased(child.date_of_birth, child.closed_on, child.closure_reason),
  };
}
