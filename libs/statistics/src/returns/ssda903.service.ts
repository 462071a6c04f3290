import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  birthday,
  forbidden,
  invalidField,
  IsoDate,
  Nation,
  RequestContext,
  startOfLondonDay,
} from '@haven/platform';
import { Ssda903ExportInput, Ssda903ExportModel, Ssda903ProblemModel } from './ssda903.model';

interface EpisodeRow {
  child_id: string;
  local_authority_id: string;
  date_of_birth: IsoDate | null;
  kind: 'MISSING' | 'AWAY';
  start: IsoDate;
  end: IsoDate | null;
}

interface UascRow {
  child_id: string;
  local_authority_id: string;
  gender: string;
  date_of_birth: IsoDate | null;
  closed_on: IsoDate | null;
}

/** The CHILD field: 10 characters, stable for a child, revealing nothing. */
const childCode = (id: string) => id.replace(/-/g, '').slice(0, 10).toUpperCase();
/** SSDA903 dates are DD/MM/YYYY. */
const ddmmyyyy = (date: IsoDate | null) =>
  date ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : '';
const csv = (rows: string[][]) => rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
const SEX: Record<string, string> = { MALE: '1', FEMALE: '2' };

/**
 * The SSDA903 (children looked after) return's Missing and UASC tables for an English authority and
 * a collection year, with the checks the DfE validator applies to them, per child.
 */
@Injectable()
export class Ssda903Service {
  async export(ctx: RequestContext, input: Ssda903ExportInput): Promise<Ssda903ExportModel> {
    const code = input.authorityCode ?? ctx.actor.organisationCode;
    if (code !== ctx.actor.organisationCode) throw forbidden('The return is made by the authority itself');
    if (ctx.actor.nation !== Nation.ENGLAND)
      throw invalidField('authorityCode', 'SSDA903 is the return of English authorities');
    const periodStart = `${input.year - 1}-04-01`;
    const periodEnd = `${input.year}-03-31`;
    const em = await ctx.em();
    const episodes = await em.query<EpisodeRow[]>(
      `SELECT m.child_id, m.local_authority_id, c.effective_date_of_birth AS date_of_birth, m.kind,
              (m.missing_since AT TIME ZONE 'Europe/London')::date AS start,
              (m.returned_at AT TIME ZONE 'Europe/London')::date AS "end"
         FROM missing_episode m JOIN child c ON c.id = m.child_id
        WHERE m.local_authority_id = $1 AND m.missing_since < $3 AND (m.returned_at IS NULL OR m.returned_at >= $2)
        ORDER BY m.child_id, m.missing_since`,
      [ctx.actor.localAuthorityId, startOfLondonDay(periodStart), startOfLondonDay(`${input.year}-04-01`)],
    );
    const uasc = await em.query<UascRow[]>(
      `SELECT c.id AS child_id, c.local_authority_id, c.gender, c.effective_date_of_birth AS date_of_birth, c.closed_on
         FROM child c
        WHERE c.local_authority_id = $1 AND 'UNACCOMPANIED_ASYLUM_SEEKING' = ANY(c.categories)
          AND (c.registered_at AT TIME ZONE 'Europe/London')::date <= $3::date
          AND (c.closed_on IS NULL OR c.closed_on >= $2::date)
        ORDER BY c.id`,
      [ctx.actor.localAuthorityId, periodStart, periodEnd],
    );
    const problems: Ssda903ProblemModel[] = [];
    const missingRows = [['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END']];
    episodes.forEach((episode, index) => {
      const child = childCode(episode.child_id);
      missingRows.push([
        child,
        ddmmyyyy(episode.date_of_birth),
        episode.kind === 'AWAY' ? 'A' : 'M',
        ddmmyyyy(episode.start),
        ddmmyyyy(episode.end),
      ]);
      const problem = (field: string, message: string) =>
        problems.push({ child, table: 'Missing', field, message });
      if (!episode.end || episode.end > periodEnd)
        problem('MIS_END', 'The episode is open at the end of the year: it has no end date');
      if (episode.date_of_birth && episode.start < episode.date_of_birth)
        problem('MIS_START', 'The episode starts before the date of birth');
      const previous = episodes[index - 1];
      if (
        previous &&
        previous.child_id === episode.child_id &&
        (!previous.end || previous.end > episode.start)
      ) {
        problem('MIS_START', 'The episode overlaps the one before it');
      }
    });
    const uascRows = [['CHILD', 'SEX', 'DOB', 'DUC']];
    for (const row of uasc) {
      const child = childCode(row.child_id);
      const eighteenth = row.date_of_birth ? birthday(row.date_of_birth, 18) : null;
      // UASC status ceases when the case closes or at 18, whichever comes first, if in the year
      const candidates = [row.closed_on, eighteenth]
        .filter((date): date is IsoDate => !!date && date <= periodEnd)
        .sort();
      const ceased = candidates[0] ?? null;
      uascRows.push([child, SEX[row.gender] ?? '', ddmmyyyy(row.date_of_birth), ddmmyyyy(ceased)]);
      const problem = (field: string, message: string) =>
        problems.push({ child, table: 'UASC', field, message });
      if (!SEX[row.gender]) problem('SEX', 'SEX must be 1 (male) or 2 (female) in the return');
      if (!row.date_of_birth) problem('DOB', 'The date of birth is missing');
      if (ceased && eighteenth && ceased > eighteenth)
        problem('DUC', 'DUC must be on or before the 18th birthday');
    }
    const seen = new Set<string>();
    for (const row of [...episodes, ...uasc]) {
      if (seen.has(row.child_id)) continue;
      seen.add(row.child_id);
      ctx.audit(
        AuditAction.EXPORT,
        'Ssda903Return',
        { id: row.child_id, childId: row.child_id, localAuthorityId: row.local_authority_id },
        {
          year: input.year,
        },
      );
    }
    return {
      authorityCode: code,
      periodStart,
      periodEnd,
      missingCsv: csv(missingRows),
      uascCsv: csv(uascRows),
      problems,
    };
  }
}
