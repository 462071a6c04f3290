import { addDays, birthday, IsoDate } from '@haven/platform';

/**
 * The SSDA903 Missing and UASC tables as Haven writes them, and the DfE validator's rules on them.
 *
 * The rules are those of the open-source validator the DfE publishes for the return
 * (SocialFinanceDigitalLabs' quality-lac-data-beta-validator, now lac_validator), in force for the
 * 2025-26 collection, read from its rule code. Each check below works on the rows exactly as they are
 * written to the files, with the same conditions, so that what it reports is what the validator would.
 *
 * Checked here, from the two tables alone:
 *   Missing: 564, 565, 566 (MISSING and the dates go together), 567 (MIS_END before MIS_START),
 *            570 (MIS_START after the year), 571 (MIS_END outside the year), 574 (an episode starts
 *            while the one before is open, or overlaps it), 586 (MIS_START on or before the birth date);
 *   UASC:    101 (SEX: M, F or U from 2024-25; 1 or 2 before, a Header rule the UASC SEX must
 *            match, INT21), 104 (DUC before the year), 304 (DUC after the 18th birthday);
 *   both:    the date of birth every row needs (102 on the Header, which the tables must match:
 *            INT18), and CHILD, which must be the authority's own identifier so the rows join its
 *            Header (INT04 for Missing, INT09 for UASC).
 * Not checkable here, because they need tables Haven does not hold:
 *   205A-205D compare this year's UASC with last year's UASC and the Header's UASC flag; 576 needs
 *   last year's Missing table; INT04, INT09, INT18, INT21 and 101 itself join the Header; the
 *   Episodes table (placements, periods of care) comes from the authority's case-management system.
 *   Haven keeps 205B and 205D true by construction instead: a UASC child's row always has SEX and DUC
 *   (the 18th birthday while the status has not ceased), so the child reads as UASC in every year
 *   it is returned, with the same DUC from one year to the next.
 */

export type Ssda903Table = 'Missing' | 'UASC';

export interface CollectionYear {
  /** The year by its end: 2026 is 1 April 2025 to 31 March 2026. */
  year: number;
  start: IsoDate;
  end: IsoDate;
}

export function collectionYear(year: number): CollectionYear {
  return { year, start: `${year - 1}-04-01`, end: `${year}-03-31` };
}

/** A row of the Missing table. `child` is '' when the child has no local identifier. */
export interface MissingRecord {
  child: string;
  childId: string;
  dob: IsoDate | null;
  missing: 'M' | 'A' | null;
  start: IsoDate | null;
  end: IsoDate | null;
}

/** A row of the UASC table. */
export interface UascRecord {
  child: string;
  childId: string;
  sex: string;
  dob: IsoDate | null;
  duc: IsoDate | null;
}

export interface Ssda903Problem {
  child: string;
  childId: string;
  table: Ssda903Table;
  field: string;
  message: string;
}

export const NO_LOCAL_ID = 'CHILD: no local identifier recorded — record the case-management person id';

/** SEX is M, F or U from the 2024-25 return (collection year 2025) on; 1 or 2 before. */
export function sexCode(gender: string, year: number): string {
  if (year >= 2025) return gender === 'MALE' ? 'M' : gender === 'FEMALE' ? 'F' : 'U';
  return gender === 'MALE' ? '1' : gender === 'FEMALE' ? '2' : '';
}

/** Case closures that end UASC status: no longer unaccompanied (back with family), or died. */
const CLOSURES_ENDING_UASC = new Set(['RETURNED_TO_FAMILY', 'DIED']);

/**
 * DUC: the date UASC status ceased, or the 18th birthday (of the effective date of birth) while it
 * has not ceased, even when that birthday is after the year: the validator's 205B expects last year's
 * DUC to be the 18th birthday for a child who is still UASC. Status ceases early only when the child
 * is no longer an unaccompanied child: back with family, or died. A transfer to another authority or
 * the end of being looked after for another reason does not end it. A person assessed an adult has an
 * effective date of birth that already puts the 18th birthday before the assessment.
 */
export function dateUascCeased(
  dateOfBirth: IsoDate | null,
  closedOn: IsoDate | null,
  closureReason: string | null,
): IsoDate | null {
  const ceased = closedOn && closureReason && CLOSURES_ENDING_UASC.has(closureReason) ? closedOn : null;
  const eighteenth = dateOfBirth ? birthday(dateOfBirth, 18) : null;
  if (ceased && eighteenth) return ceased < eighteenth ? ceased : eighteenth;
  return ceased ?? eighteenth;
}

/**
 * A young person who was 18 before the collection year is in neither table: the UASC row's DUC
 * would be before the year (104), and they were not a looked-after child in it. 18 on 1 April is
 * still in. An unknown date of birth keeps the child in (and is reported).
 */
export function eighteenBeforeYear(dateOfBirth: IsoDate | null, period: CollectionYear): boolean {
  return dateOfBirth !== null && birthday(dateOfBirth, 18) < period.start;
}

/** An episode that began on or after the 18th birthday is not one of a looked-after child. */
export function beganAsAdult(dateOfBirth: IsoDate | null, start: IsoDate): boolean {
  return dateOfBirth !== null && start >= birthday(dateOfBirth, 18);
}

/** The MIS_END of an episode: blank while the child was still away at the end of 31 March. */
export function missingEnd(returnedOn: IsoDate | null, period: CollectionYear): IsoDate | null {
  return returnedOn !== null && returnedOn <= period.end ? returnedOn : null;
}

export function checkMissing(rows: readonly MissingRecord[], period: CollectionYear): Ssda903Problem[] {
  const problems: Ssda903Problem[] = [];
  const problem = (row: MissingRecord, field: string, message: string) =>
    problems.push({ child: row.child, childId: row.childId, table: 'Missing', field, message });
  for (const row of rows) {
    if (!row.child) problem(row, 'CHILD', `INT04: ${NO_LOCAL_ID}`);
    if (!row.dob) problem(row, 'DOB', '102: DOB is blank — record the date of birth');
    if (row.missing && !row.start)
      problem(row, 'MIS_START', '564: MIS_START is blank for a missing or away episode');
    if (!row.missing && row.start) problem(row, 'MISSING', '565: MISSING is blank but MIS_START is given');
    if (!row.missing && row.end) problem(row, 'MISSING', '566: MISSING is blank but MIS_END is given');
    if (row.start && row.end && row.start > row.end)
      problem(row, 'MIS_END', '567: MIS_END is before MIS_START');
    if (row.start && row.start > period.end)
      problem(row, 'MIS_START', '570: MIS_START is after the end of the collection year');
    if (row.end && (row.end < period.start || row.end > period.end))
      problem(row, 'MIS_END', '571: MIS_END is before the start or after the end of the collection year');
    if (row.start && row.dob && row.start <= row.dob)
      problem(row, 'MIS_START', '586: MIS_START is on or before the date of birth');
  }
  for (const row of overlapping(rows))
    problem(
      row,
      'MIS_START',
      '574: the episode starts while the one before it is still open, or overlaps it',
    );
  return problems;
}

/**
 * Rule 574 as the validator runs it: a child's rows in order of MIS_END (MIS_START where blank),
 * then MIS_START; a row fails when the row before it has no MIS_END, or ended after this one started.
 */
function overlapping(rows: readonly MissingRecord[]): MissingRecord[] {
  const key = (row: MissingRecord) => [
    row.childId,
    row.end ?? row.start ?? '9999-12-31',
    row.start ?? '9999-12-31',
  ];
  const sorted = rows
    .map((row, index) => ({ row, index, key: key(row) }))
    .sort((a, b) => compareKeys(a.key, b.key) || a.index - b.index);
  const failed: MissingRecord[] = [];
  for (let i = 1; i < sorted.length; i += 1) {
    const [previous, current] = [sorted[i - 1].row, sorted[i].row];
    if (previous.childId !== current.childId) continue;
    if (!previous.end || (current.start !== null && current.start < previous.end)) failed.push(current);
  }
  return failed;
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

export function checkUasc(rows: readonly UascRecord[], period: CollectionYear): Ssda903Problem[] {
  const problems: Ssda903Problem[] = [];
  const problem = (row: UascRecord, field: string, message: string) =>
    problems.push({ child: row.child, childId: row.childId, table: 'UASC', field, message });
  const sexes = period.year >= 2025 ? ['M', 'F', 'U'] : ['1', '2'];
  for (const row of rows) {
    if (!row.child) problem(row, 'CHILD', `INT09: ${NO_LOCAL_ID}`);
    if (!sexes.includes(row.sex))
      problem(
        row,
        'SEX',
        period.year >= 2025
          ? '101: SEX must be M, F or U'
          : '101: SEX must be 1 (male) or 2 (female) before 2024-25: the gender recorded has no code',
      );
    if (!row.dob) problem(row, 'DOB', '102: DOB is blank — record the date of birth');
    if (row.duc && row.duc < period.start)
      problem(row, 'DUC', '104: DUC is before the start of the collection year');
    if (row.duc && row.dob && row.duc > birthday(row.dob, 18))
      problem(row, 'DUC', '304: DUC is after the 18th birthday');
  }
  return problems;
}

/** SSDA903 dates are DD/MM/YYYY; a blank stays blank. */
export const ddmmyyyy = (date: IsoDate | null) =>
  date ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : '';

/** CSV with CRLF line ends; a field holding a comma, a quote or a line break is quoted. */
export function csv(rows: readonly (readonly string[])[]): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

export const missingCsv = (rows: readonly MissingRecord[]) =>
  csv([
    ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
    ...rows.map((row) => [
      row.child,
      ddmmyyyy(row.dob),
      row.missing ?? '',
      ddmmyyyy(row.start),
      ddmmyyyy(row.end),
    ]),
  ]);

export const uascCsv = (rows: readonly UascRecord[]) =>
  csv([
    ['CHILD', 'SEX', 'DOB', 'DUC'],
    ...rows.map((row) => [row.child, row.sex, ddmmyyyy(row.dob), ddmmyyyy(row.duc)]),
  ]);

/** The day after, for "before the end of 31 March" as an instant bound. */
export const dayAfter = (date: IsoDate) => addDays(date, 1);
