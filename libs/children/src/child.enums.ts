import { registerEnumType } from '@nestjs/graphql';

export enum Gender {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  OTHER = 'OTHER',
  NOT_KNOWN = 'NOT_KNOWN',
}

export enum NationalityBasis {
  CLAIMED = 'CLAIMED',
  SUSPECTED = 'SUSPECTED',
  DOCUMENTED = 'DOCUMENTED',
}

export enum ChildCategory {
  TRAFFICKED = 'TRAFFICKED',
  UNACCOMPANIED_ASYLUM_SEEKING = 'UNACCOMPANIED_ASYLUM_SEEKING',
  SEPARATED = 'SEPARATED',
  AT_RISK_OF_EXPLOITATION = 'AT_RISK_OF_EXPLOITATION',
}

export enum ExploitationType {
  SEXUAL = 'SEXUAL',
  CRIMINAL_COUNTY_LINES = 'CRIMINAL_COUNTY_LINES',
  CRIMINAL_CANNABIS_CULTIVATION = 'CRIMINAL_CANNABIS_CULTIVATION',
  CRIMINAL_BEGGING = 'CRIMINAL_BEGGING',
  CRIMINAL_THEFT = 'CRIMINAL_THEFT',
  BENEFIT_FRAUD = 'BENEFIT_FRAUD',
  LABOUR = 'LABOUR',
  DOMESTIC_SERVITUDE = 'DOMESTIC_SERVITUDE',
  ORGAN_REMOVAL = 'ORGAN_REMOVAL',
  UNKNOWN = 'UNKNOWN',
}

/** The category NRM statistics file a case under; derived, never entered. */
export enum NrmCategory {
  SEXUAL = 'SEXUAL',
  LABOUR = 'LABOUR',
  DOMESTIC_SERVITUDE = 'DOMESTIC_SERVITUDE',
  ORGAN_REMOVAL = 'ORGAN_REMOVAL',
  NOT_RECORDED = 'NOT_RECORDED',
}

export enum ChildStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

export enum CaseClosureReason {
  TURNED_18_TO_LEAVING_CARE = 'TURNED_18_TO_LEAVING_CARE',
  RETURNED_TO_FAMILY = 'RETURNED_TO_FAMILY',
  TRANSFERRED = 'TRANSFERRED',
  AGE_ASSESSED_ADULT = 'AGE_ASSESSED_ADULT',
  DIED = 'DIED',
  OTHER = 'OTHER',
}

export enum ArrivalRoute {
  CLANDESTINE_ENTRY = 'CLANDESTINE_ENTRY',
  PORT_OF_ENTRY = 'PORT_OF_ENTRY',
  NATIONAL_TRANSFER = 'NATIONAL_TRANSFER',
  INTERNAL = 'INTERNAL',
  UNKNOWN = 'UNKNOWN',
}

export enum LegalStatus {
  S20_ACCOMMODATED = 'S20_ACCOMMODATED',
  INTERIM_CARE_ORDER = 'INTERIM_CARE_ORDER',
  CARE_ORDER = 'CARE_ORDER',
  POLICE_PROTECTION = 'POLICE_PROTECTION',
  CHILD_IN_NEED = 'CHILD_IN_NEED',
  CARE_LEAVER = 'CARE_LEAVER',
  OTHER = 'OTHER',
}

export enum ImmigrationStatus {
  BRITISH_OR_SETTLED = 'BRITISH_OR_SETTLED',
  ASYLUM_CLAIM_PENDING = 'ASYLUM_CLAIM_PENDING',
  REFUGEE_STATUS = 'REFUGEE_STATUS',
  HUMANITARIAN_PROTECTION = 'HUMANITARIAN_PROTECTION',
  UASC_LEAVE = 'UASC_LEAVE',
  DISCRETIONARY_LEAVE = 'DISCRETIONARY_LEAVE',
  REFUSED_APPEAL_PENDING = 'REFUSED_APPEAL_PENDING',
  NO_LEAVE = 'NO_LEAVE',
  EEA_NATIONAL = 'EEA_NATIONAL',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(Gender, { name: 'Gender' });
registerEnumType(NationalityBasis, { name: 'NationalityBasis' });
registerEnumType(ChildCategory, { name: 'ChildCategory' });
registerEnumType(ExploitationType, { name: 'ExploitationType' });
registerEnumType(NrmCategory, { name: 'NrmCategory' });
registerEnumType(ChildStatus, { name: 'ChildStatus' });
registerEnumType(CaseClosureReason, { name: 'CaseClosureReason' });
registerEnumType(ArrivalRoute, { name: 'ArrivalRoute' });
registerEnumType(LegalStatus, { name: 'LegalStatus' });
registerEnumType(ImmigrationStatus, { name: 'ImmigrationStatus' });

const NRM_CATEGORY: Record<ExploitationType, NrmCategory> = {
  SEXUAL: NrmCategory.SEXUAL,
  CRIMINAL_COUNTY_LINES: NrmCategory.LABOUR,
  CRIMINAL_CANNABIS_CULTIVATION: NrmCategory.LABOUR,
  CRIMINAL_BEGGING: NrmCategory.LABOUR,
  CRIMINAL_THEFT: NrmCategory.LABOUR,
  BENEFIT_FRAUD: NrmCategory.LABOUR,
  LABOUR: NrmCategory.LABOUR,
  DOMESTIC_SERVITUDE: NrmCategory.DOMESTIC_SERVITUDE,
  ORGAN_REMOVAL: NrmCategory.ORGAN_REMOVAL,
  UNKNOWN: NrmCategory.NOT_RECORDED,
};

/** NRM statistics file criminal exploitation under labour; "not recorded" is a category of its own. */
export function nrmCategories(types: readonly ExploitationType[]): NrmCategory[] {
  const categories = new Set(types.map((type) => NRM_CATEGORY[type]));
  if (categories.size > 1) categories.delete(NrmCategory.NOT_RECORDED);
  return categories.size === 0 ? [NrmCategory.NOT_RECORDED] : [...categories];
}
