/**
 * The national-scale synthetic data set of quality.md: every authority in the UK, 100,000 children
 * with two decades of history, deterministic from a seed and an "as of" date. Generation is pure (a
 * plan, then one function per child yielding that child's rows), so that it is tested without a
 * database; loading streams the rows with COPY in one transaction.
 *
 * Read it in this order: random and time (the seeded streams, days and London instants); rows and
 * tables (what is written, column by column); plan (authorities, staff, providers); child, with
 * context, identity, history, placements, episodes and nrm (one child's rows, from that child's own
 * stream); guardians and meetings (across children); generate (the whole data set through a sink);
 * writer and progress (COPY into PostgreSQL, with progress bars).
 */

export { localChildIdOf, Random } from './random';
export { dayOf, isoOf, londonDay, londonInstant, timestampText } from './time';
export type { Day } from './time';
export type * from './rows';
export { TABLES } from './tables';
export type { ColumnKind, RowSink, TableSpec } from './tables';
export { apportion, planNational } from './plan';
export type {
  AuthorityPlan,
  AuthorityRef,
  NationalOptions,
  NationalPlan,
  NationalSettings,
  ProviderPlan,
  StaffMember,
} from './plan';
export type { ChildRecords, ChildSummary, GuardianSpan } from './context';
export { generateChild } from './child';
export { generateNational } from './generate';
export { arrayLiteral, CopyBuffer, copyText, copyValue, loadNational } from './writer';
export type { NationalResult } from './writer';
