import type { Request } from 'express';
import type { ChildCategory, ChildFilter, ChildStatus, ExploitationType } from '../../graphql/generated';
import { CATEGORY, CHILD_STATUS, EXPLOITATION } from './labels';
import { queryValue } from './cursor-paging';

/** The search form's fields as typed (the page shows them back), named as the address carries them. */
export interface ChildSearchForm {
  search: string;
  missingNow: string;
  turning18WithinDays: string;
  category: string;
  exploitationType: string;
  ageDisputed: string;
  status: string;
  guardianId: string;
  allocatedWorkerId: string;
}

const FIELDS: (keyof ChildSearchForm)[] = [
  'search',
  'missingNow',
  'turning18WithinDays',
  'category',
  'exploitationType',
  'ageDisputed',
  'status',
  'guardianId',
  'allocatedWorkerId',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_DAYS = 3660;
const MAX_SEARCH = 100;

export interface ChildSearch {
  form: ChildSearchForm;
  /** The form as the API's filter: values that are not among a control's options are left out. */
  filter: ChildFilter;
  /** What the page says is wrong, by the id of the input. */
  problems: { id: string; text: string }[];
  /** The form's non-empty fields, for links that keep the search (paging). */
  params: URLSearchParams;
}

const yesNo = (value: string): boolean | undefined =>
  value === 'yes' ? true : value === 'no' ? false : undefined;
const oneOf = <T extends string>(labels: Record<T, string>, value: string): T | undefined =>
  Object.hasOwn(labels, value) ? (value as T) : undefined;

/** Reads `/children`'s GET form from the address. */
export function readChildSearch(query: Request['query']): ChildSearch {
  const form: ChildSearchForm = Object.fromEntries(
    FIELDS.map((field) => [field, queryValue(query, field).trim()]),
  ) as Record<keyof ChildSearchForm, string>;
  const problems: ChildSearch['problems'] = [];
  const filter: ChildFilter = {};

  if (form.search.length > MAX_SEARCH)
    problems.push({ id: 'search', text: `Search must be ${MAX_SEARCH} characters or fewer` });
  else if (form.search) filter.search = form.search;

  if (form.turning18WithinDays) {
    const days = /^\d{1,4}$/.test(form.turning18WithinDays) ? Number(form.turning18WithinDays) : NaN;
    if (Number.isNaN(days) || days > MAX_DAYS)
      problems.push({
        id: 'turning18WithinDays',
        text: `Enter the number of days as a whole number from 0 to ${MAX_DAYS}, like 90`,
      });
    else filter.turning18WithinDays = days;
  }

  const missingNow = yesNo(form.missingNow);
  if (missingNow !== undefined) filter.missingNow = missingNow;
  const ageDisputed = yesNo(form.ageDisputed);
  if (ageDisputed !== undefined) filter.ageDisputed = ageDisputed;
  const category = oneOf<ChildCategory>(CATEGORY, form.category);
  if (category) filter.category = category;
  const exploitationType = oneOf<ExploitationType>(EXPLOITATION, form.exploitationType);
  if (exploitationType) filter.exploitationType = exploitationType;
  const status = oneOf<ChildStatus>(CHILD_STATUS, form.status);
  if (status) filter.status = status;
  if (UUID.test(form.guardianId)) filter.guardianId = form.guardianId;
  if (UUID.test(form.allocatedWorkerId)) filter.allocatedWorkerId = form.allocatedWorkerId;

  const params = new URLSearchParams();
  for (const field of FIELDS) if (form[field]) params.set(field, form[field]);
  return { form, filter, problems, params };
}
