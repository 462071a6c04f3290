// The plan: the authorities' caseloads and staff, the providers, and the time frame.

import { IsoDate, Nation, NrmRecoveryPeriods } from '@haven/platform';
import * as data from '../national-data';
import { Random, STREAM } from './random';
import { addYearsTo, Day, dayOf, londonInstant } from './time';

/** Records accumulate: registrations over the twenty years before the as-of date, growing over time. */
const HISTORY_YEARS = 20;
export const GROWTH_OVER_HISTORY = 5;
export const REQUEST_ID = 'seed-national';

export interface NationalSettings {
  soonAfterPlacementHours: number;
  reasonableGroundsTargetWorkingDays: number;
  returnInterviewDueHours: number;
  recoveryPeriodDays: NrmRecoveryPeriods;
  guardianAgeLimits: { ictg: number; scotland: number; northernIreland: number };
}

export interface NationalOptions {
  seed: number;
  asOf: IsoDate;
  children: number;
  meetings: number;
  settings: NationalSettings;
}

export interface AuthorityRef {
  id: string;
  code: string;
  name: string;
  nation: Nation;
}

export interface StaffMember {
  id: string;
  subject: string;
  name: string;
}

export interface AuthorityPlan extends AuthorityRef {
  index: number;
  gateway: boolean;
  children: number;
  meetings: number;
  manager: StaffMember;
  workers: StaffMember[];
}

export type ProviderKey = 'ICTG' | 'SGS' | 'NIIG';

export interface ProviderPlan {
  key: ProviderKey;
  id: string;
  code: string;
  name: string;
}

export interface NationalPlan {
  seed: number;
  settings: NationalSettings;
  /** The as-of date; history ends when it begins (`horizon`), and nothing is dated on or after it. */
  today: Day;
  horizon: number;
  historyStart: Day;
  authorities: AuthorityPlan[];
  providers: Record<ProviderKey, ProviderPlan>;
  authorityOfChild: Uint16Array;
  children: number;
}

const PROVIDERS: readonly Omit<ProviderPlan, 'id'>[] = [
  { key: 'ICTG', code: 'NATIONAL-ICTG', name: 'Independent Child Trafficking Guardians (England and Wales)' },
  { key: 'SGS', code: 'NATIONAL-SGS', name: 'Scottish Guardianship Service' },
  { key: 'NIIG', code: 'NATIONAL-NIIG', name: 'Independent Guardian Service (Northern Ireland)' },
];

/** Caseload weight by kind of authority: shire counties are large, Welsh and Scottish councils small. */
function baseWeight(code: string): number {
  if (code.startsWith('E10')) return 2.2;
  if (code.startsWith('E08')) return 1.2;
  if (code.startsWith('E09')) return 1;
  if (code.startsWith('E06')) return 0.8;
  if (code.startsWith('W06')) return 0.55;
  if (code.startsWith('S12')) return 0.45;
  return 2;
}

/** Splits a total in proportion to weights, exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const counts = exact.map(Math.floor);
  const order = exact.map((value, index) => [value - Math.floor(value), index]).sort((a, b) => b[0] - a[0]);
  for (let left = total - counts.reduce((acc, n) => acc + n, 0), i = 0; left > 0; left -= 1, i += 1) {
    counts[order[i][1]] += 1;
  }
  return counts;
}

export function staffName(rnd: Random): string {
  return `${rnd.pick(data.STAFF_GIVEN)} ${rnd.pick(data.STAFF_FAMILY)}`;
}

function authorityStaff(seed: number, index: number, code: string, children: number) {
  const rnd = Random.stream(seed, STREAM.staff, index);
  const manager = { id: rnd.uuid(), subject: `national-tm-${code}`, name: staffName(rnd) };
  const size = Math.min(20, Math.max(3, Math.round(children / 250)));
  const workers = Array.from({ length: size }, (_, n) => ({
    id: rnd.uuid(),
    subject: `national-sw-${code}-${n + 1}`,
    name: staffName(rnd),
  }));
  return { manager, workers };
}

export function planNational(authorities: readonly AuthorityRef[], options: NationalOptions): NationalPlan {
  const sorted = [...authorities].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const weights = sorted.map((authority, index) => {
    const jitter = 0.75 + 0.5 * Random.stream(options.seed, STREAM.authorities, index).float();
    return baseWeight(authority.code) * (data.AUTHORITY_WEIGHT[authority.code] ?? 1) * jitter;
  });
  const childCounts = apportion(options.children, weights);
  const meetingCounts = apportion(
    options.meetings,
    childCounts.map((n) => n + 20),
  );
  const authorityOfChild = new Uint16Array(options.children);
  let firstChild = 0;
  const planned = sorted.map((authority, index): AuthorityPlan => {
    const children = childCounts[index];
    authorityOfChild.fill(index, firstChild, firstChild + children);
    const plan = {
      ...authority,
      index,
      gateway: data.GATEWAYS.has(authority.code),
      children,
      meetings: meetingCounts[index],
      ...authorityStaff(options.seed, index, authority.code, children),
    };
    firstChild += children;
    return plan;
  });
  const providerIds = Random.stream(options.seed, STREAM.providers, 0);
  const providers = Object.fromEntries(
    PROVIDERS.map((provider) => [provider.key, { ...provider, id: providerIds.uuid() }]),
  ) as Record<ProviderKey, ProviderPlan>;
  const today = dayOf(options.asOf);
  return {
    seed: options.seed,
    settings: options.settings,
    today,
    horizon: londonInstant(today, 0),
    historyStart: addYearsTo(today, -HISTORY_YEARS),
    authorities: planned,
    providers,
    authorityOfChild,
    children: options.children,
  };
}
