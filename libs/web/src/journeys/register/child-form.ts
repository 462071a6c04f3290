import { countryName } from '../../countries';
import { DateParts, dateParts, list, parseDate, partsOfDate, text } from '../../form-values';
import type {
  ArrivalRoute,
  ChildCategory,
  ChildForEditQuery,
  ExploitationType,
  Gender,
  ImmigrationStatus,
  LegalStatus,
  NationalityBasis,
  RegisterChildInput,
} from '../../graphql/generated';
import type { Refusal } from '../../graphql/web-graphql';
import { itemsOf } from '../children/labels';

/** The child's form as the page shows it (and as posted): text, boxes and choices, not yet the API's values. */
export interface ChildForm {
  givenName: string;
  familyName: string;
  preferredName: string;
  aliases: { name: string; source: string }[];
  claimedDateOfBirth: DateParts;
  gender: string;
  nationality: string;
  nationalityBasis: string;
  regionOfOrigin: string;
  languages: string;
  interpreterNeeded: string;
  arrivalDate: DateParts;
  arrivalRoute: string;
  categories: string[];
  exploitationTypes: string[];
  legalStatus: string;
  parentalResponsibilityInUk: string;
  localChildId: string;
  immigrationStatus: string;
  homeOfficeReference: string;
  asylumClaimDate: DateParts;
  leaveExpiresOn: DateParts;
}

/** The API's values of the form, as RegisterChildInput and UpdateChildInput name them. */
export type ChildValues = Omit<RegisterChildInput, 'allocatedWorkerId'>;

type Field = keyof ChildValues;

type Items = { value: string; text: string }[];

export const GENDERS = itemsOf({
  FEMALE: 'Female',
  MALE: 'Male',
  OTHER: 'Other',
  NOT_KNOWN: 'Not known',
} satisfies Record<Gender, string>);

export const NATIONALITY_BASES = itemsOf({
  DOCUMENTED: 'Documented (passport or other papers)',
  CLAIMED: 'Claimed by the child',
  SUSPECTED: 'Suspected',
} satisfies Record<NationalityBasis, string>);

export const ARRIVAL_ROUTES = itemsOf({
  PORT_OF_ENTRY: 'Port of entry',
  CLANDESTINE_ENTRY: 'Clandestine entry',
  NATIONAL_TRANSFER: 'National transfer scheme',
  INTERNAL: 'Moved within the UK',
  UNKNOWN: 'Not known',
} satisfies Record<ArrivalRoute, string>);

export const CATEGORIES = itemsOf({
  UNACCOMPANIED_ASYLUM_SEEKING: 'Unaccompanied asylum-seeking child',
  SEPARATED: 'Separated child',
  TRAFFICKED: 'Trafficked, or suspected to be',
  AT_RISK_OF_EXPLOITATION: 'At risk of exploitation',
} satisfies Record<ChildCategory, string>);

export const EXPLOITATION_TYPES = itemsOf({
  SEXUAL: 'Sexual exploitation',
  LABOUR: 'Labour exploitation',
  DOMESTIC_SERVITUDE: 'Domestic servitude',
  CRIMINAL_COUNTY_LINES: 'Criminal: county lines',
  CRIMINAL_CANNABIS_CULTIVATION: 'Criminal: cannabis cultivation',
  CRIMINAL_BEGGING: 'Criminal: forced begging',
  CRIMINAL_THEFT: 'Criminal: forced theft',
  BENEFIT_FRAUD: 'Benefit fraud',
  ORGAN_REMOVAL: 'Organ removal',
  UNKNOWN: 'Not known',
} satisfies Record<ExploitationType, string>);

export const LEGAL_STATUSES = itemsOf({
  S20_ACCOMMODATED: 'Accommodated under section 20',
  INTERIM_CARE_ORDER: 'Interim care order',
  CARE_ORDER: 'Care order',
  POLICE_PROTECTION: 'Police protection',
  CHILD_IN_NEED: 'Child in need',
  CARE_LEAVER: 'Care leaver',
  OTHER: 'Other',
} satisfies Record<LegalStatus, string>);

export const IMMIGRATION_STATUSES = itemsOf({
  ASYLUM_CLAIM_PENDING: 'Asylum claim pending',
  REFUGEE_STATUS: 'Refugee status',
  HUMANITARIAN_PROTECTION: 'Humanitarian protection',
  UASC_LEAVE: 'UASC leave',
  DISCRETIONARY_LEAVE: 'Discretionary leave',
  REFUSED_APPEAL_PENDING: 'Refused, appeal pending',
  NO_LEAVE: 'No leave',
  EEA_NATIONAL: 'EEA national',
  BRITISH_OR_SETTLED: 'British or settled',
  UNKNOWN: 'Not known',
} satisfies Record<ImmigrationStatus, string>);

/** What each field is called on the page (error messages and the stale-record screen use it). */
export const LABELS: Record<Field, string> = {
  givenName: 'Given name',
  familyName: 'Family name',
  preferredName: 'Preferred name',
  aliases: 'Other names',
  claimedDateOfBirth: 'Date of birth',
  gender: 'Gender',
  nationality: 'Nationality',
  nationalityBasis: 'How the nationality is known',
  regionOfOrigin: 'Region of origin',
  languages: 'Languages',
  interpreterNeeded: 'Interpreter needed',
  arrivalDate: 'Date of arrival',
  arrivalRoute: 'How they arrived',
  categories: 'Categories',
  exploitationTypes: 'Exploitation',
  legalStatus: 'Legal status',
  parentalResponsibilityInUk: 'Parental responsibility in the UK',
  localChildId: 'Local child ID',
  immigrationStatus: 'Immigration status',
  homeOfficeReference: 'Home Office reference',
  asylumClaimDate: 'Date of the asylum claim',
  leaveExpiresOn: 'Date leave expires',
};

const DATE_FIELDS = ['claimedDateOfBirth', 'arrivalDate', 'asylumClaimDate', 'leaveExpiresOn'] as const;

const yesNo = (value: string): boolean | null => (value === 'yes' ? true : value === 'no' ? false : null);
const fromBoolean = (value: boolean | null | undefined, unknown = ''): string =>
  value === true ? 'yes' : value === false ? 'no' : unknown;

export function emptyChildForm(): ChildForm {
  const noDate = { day: '', month: '', year: '' };
  return {
    givenName: '',
    familyName: '',
    preferredName: '',
    aliases: [{ name: '', source: '' }],
    claimedDateOfBirth: noDate,
    gender: '',
    nationality: '',
    nationalityBasis: '',
    regionOfOrigin: '',
    languages: '',
    interpreterNeeded: '',
    arrivalDate: noDate,
    arrivalRoute: '',
    categories: [],
    exploitationTypes: [],
    legalStatus: '',
    parentalResponsibilityInUk: 'unknown',
    localChildId: '',
    immigrationStatus: '',
    homeOfficeReference: '',
    asylumClaimDate: noDate,
    leaveExpiresOn: noDate,
  };
}

/** The form as posted (aliases[0][name], claimedDateOfBirth[day]...). */
export function childFormFromBody(body: Record<string, unknown>): ChildForm {
  const aliases = Array.isArray(body.aliases) ? (body.aliases as Record<string, unknown>[]) : [];
  return {
    givenName: text(body.givenName),
    familyName: text(body.familyName),
    preferredName: text(body.preferredName),
    aliases: aliases.map((alias) => ({ name: text(alias?.name), source: text(alias?.source) })),
    claimedDateOfBirth: dateParts(body.claimedDateOfBirth),
    gender: text(body.gender),
    nationality: text(body.nationality),
    nationalityBasis: text(body.nationalityBasis),
    regionOfOrigin: text(body.regionOfOrigin),
    languages: text(body.languages),
    interpreterNeeded: text(body.interpreterNeeded),
    arrivalDate: dateParts(body.arrivalDate),
    arrivalRoute: text(body.arrivalRoute),
    categories: list(body.categories),
    exploitationTypes: list(body.exploitationTypes),
    legalStatus: text(body.legalStatus),
    parentalResponsibilityInUk: text(body.parentalResponsibilityInUk),
    localChildId: text(body.localChildId),
    immigrationStatus: text(body.immigrationStatus),
    homeOfficeReference: text(body.homeOfficeReference),
    asylumClaimDate: dateParts(body.asylumClaimDate),
    leaveExpiresOn: dateParts(body.leaveExpiresOn),
  };
}

/** The form filled in with a child's record. */
export function childFormFromRecord(child: ChildForEditQuery['child']): ChildForm {
  return {
    givenName: child.givenName,
    familyName: child.familyName ?? '',
    preferredName: child.preferredName ?? '',
    aliases: child.aliases.map((alias) => ({ name: alias.name, source: alias.source ?? '' })),
    claimedDateOfBirth: partsOfDate(child.claimedDateOfBirth),
    gender: child.gender,
    nationality: child.nationality ?? '',
    nationalityBasis: child.nationalityBasis ?? '',
    regionOfOrigin: child.regionOfOrigin ?? '',
    languages: child.languages.join(', '),
    interpreterNeeded: fromBoolean(child.interpreterNeeded),
    arrivalDate: partsOfDate(child.arrivalDate),
    arrivalRoute: child.arrivalRoute ?? '',
    categories: [...child.categories],
    exploitationTypes: [...child.exploitationTypes],
    legalStatus: child.legalStatus ?? '',
    parentalResponsibilityInUk: fromBoolean(child.parentalResponsibilityInUk, 'unknown'),
    localChildId: child.localChildId ?? '',
    immigrationStatus: child.immigrationStatus ?? '',
    homeOfficeReference: child.homeOfficeReference ?? '',
    asylumClaimDate: partsOfDate(child.asylumClaimDate),
    leaveExpiresOn: partsOfDate(child.leaveExpiresOn),
  };
}

/** The form's rows of aliases that hold anything, with the rows they came from. */
function filledAliases(form: ChildForm): { row: number; name: string; source: string }[] {
  return form.aliases
    .map((alias, row) => ({ row, ...alias }))
    .filter((alias) => alias.name !== '' || alias.source !== '');
}

/**
 * The API's values of the form, or the boxes that cannot be read as a date (the rest is the API's
 * to judge, so that every refusal reads the same).
 */
export function childValues(
  form: ChildForm,
): { ok: true; values: ChildValues } | { ok: false; refusal: Refusal } {
  const dates: Partial<Record<(typeof DATE_FIELDS)[number], string | null>> = {};
  const fields: Refusal['fields'] = [];
  for (const name of DATE_FIELDS) {
    const parsed = parseDate(form[name], LABELS[name]);
    if (parsed.ok) dates[name] = parsed.value;
    else fields.push({ field: name, message: parsed.message });
  }
  if (!form.gender) fields.push({ field: 'gender', message: 'Select the child’s gender' });
  if (fields.length)
    return { ok: false, refusal: { code: 'BAD_USER_INPUT', message: 'Check the form', fields } };
  return {
    ok: true,
    values: {
      givenName: form.givenName,
      familyName: form.familyName || null,
      preferredName: form.preferredName || null,
      aliases: filledAliases(form).map(({ name, source }) => ({ name, source: source || null })),
      claimedDateOfBirth: dates.claimedDateOfBirth ?? null,
      gender: form.gender as Gender,
      nationality: form.nationality || null,
      nationalityBasis: (form.nationalityBasis || null) as NationalityBasis | null,
      regionOfOrigin: form.regionOfOrigin || null,
      languages: form.languages
        .split(',')
        .map((language) => language.trim())
        .filter(Boolean),
      interpreterNeeded: yesNo(form.interpreterNeeded) ?? false,
      arrivalDate: dates.arrivalDate ?? null,
      arrivalRoute: (form.arrivalRoute || null) as ArrivalRoute | null,
      categories: form.categories as ChildCategory[],
      exploitationTypes: form.exploitationTypes as ExploitationType[],
      legalStatus: (form.legalStatus || null) as LegalStatus | null,
      parentalResponsibilityInUk: yesNo(form.parentalResponsibilityInUk),
      localChildId: form.localChildId || null,
      immigrationStatus: (form.immigrationStatus || null) as ImmigrationStatus | null,
      homeOfficeReference: form.homeOfficeReference || null,
      asylumClaimDate: dates.asylumClaimDate ?? null,
      leaveExpiresOn: dates.leaveExpiresOn ?? null,
    },
  };
}

/** The fields whose values differ between two versions of the form. */
export function changedFields(before: ChildValues, after: ChildValues): Field[] {
  return (Object.keys(LABELS) as Field[]).filter(
    (field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null),
  );
}

const labelOf = (options: Items, value: string) =>
  options.find((item) => item.value === value)?.text ?? value;

/** A field's value as the page says it ("Not recorded" when empty). */
export function displayValue(values: ChildValues, field: Field): string {
  const value = values[field];
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
    return 'Not recorded';
  }
  const code = typeof value === 'string' ? value : '';
  switch (field) {
    case 'aliases':
      return values
        .aliases!.map((alias) => (alias.source ? `${alias.name} (${alias.source})` : alias.name))
        .join('; ');
    case 'gender':
      return labelOf(GENDERS, code);
    case 'nationality':
      return countryName(code);
    case 'nationalityBasis':
      return labelOf(NATIONALITY_BASES, code);
    case 'arrivalRoute':
      return labelOf(ARRIVAL_ROUTES, code);
    case 'legalStatus':
      return labelOf(LEGAL_STATUSES, code);
    case 'immigrationStatus':
      return labelOf(IMMIGRATION_STATUSES, code);
    case 'categories':
      return values.categories!.map((item) => labelOf(CATEGORIES, item)).join(', ');
    case 'exploitationTypes':
      return values.exploitationTypes!.map((item) => labelOf(EXPLOITATION_TYPES, item)).join(', ');
    case 'languages':
      return values.languages!.join(', ');
    case 'interpreterNeeded':
    case 'parentalResponsibilityInUk':
      return value ? 'Yes' : 'No';
    default:
      return code;
  }
}

/**
 * The API's field names (`givenName`, `aliases.0.name`, `categories.1`...) to the ids of the form's
 * inputs: a date to its day box, a list of choices to its first one, an alias to its row.
 */
export function childFieldIds(form: ChildForm): Record<string, string> {
  const ids: Record<string, string> = {
    givenName: 'givenName',
    familyName: 'familyName',
    preferredName: 'preferredName',
    gender: 'gender',
    nationality: 'nationality',
    nationalityBasis: 'nationalityBasis',
    regionOfOrigin: 'regionOfOrigin',
    languages: 'languages',
    interpreterNeeded: 'interpreterNeeded',
    arrivalRoute: 'arrivalRoute',
    categories: 'categories',
    exploitationTypes: 'exploitationTypes',
    legalStatus: 'legalStatus',
    parentalResponsibilityInUk: 'parentalResponsibilityInUk',
    localChildId: 'localChildId',
    immigrationStatus: 'immigrationStatus',
    homeOfficeReference: 'homeOfficeReference',
    allocatedWorkerId: 'givenName',
    aliases: 'aliases-0-name',
  };
  for (const name of DATE_FIELDS) ids[name] = `${name}-day`;
  filledAliases(form).forEach(({ row }, index) => {
    ids[`aliases.${index}`] = `aliases-${row}-name`;
    ids[`aliases.${index}.name`] = `aliases-${row}-name`;
    ids[`aliases.${index}.source`] = `aliases-${row}-source`;
  });
  return ids;
}

/**
 * A required box left blank is refused by the API as "… is required"; the page says it as GOV.UK's
 * error messages do, by what to do: "Enter the child’s given name".
 */
export function blankFieldsSaid(refusal: Refusal, form: ChildForm): Refusal {
  const aliases = filledAliases(form);
  return {
    ...refusal,
    fields: refusal.fields.map((problem) => {
      const field = problem.field.replace(/^input\./, '');
      if (field === 'givenName' && !form.givenName) {
        return { ...problem, message: 'Enter the child’s given name' };
      }
      const alias = /^aliases\.(\d+)\.name$/.exec(field);
      if (alias && aliases[Number(alias[1])]?.name === '') {
        return { ...problem, message: 'Enter the other name, or empty both of its boxes' };
      }
      return problem;
    }),
  };
}
