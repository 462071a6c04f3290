import { registerEnumType } from '@nestjs/graphql';

export enum GuardianScheme {
  /** England and Wales: Independent Child Trafficking Guardian, one-to-one */
  ICTG_DIRECT = 'ICTG_DIRECT',
  /** England and Wales: ICTG regional practice co-ordinator, where someone holds parental responsibility */
  ICTG_REGIONAL_COORDINATOR = 'ICTG_REGIONAL_COORDINATOR',
  SCOTTISH_GUARDIANSHIP = 'SCOTTISH_GUARDIANSHIP',
  NI_INDEPENDENT_GUARDIAN = 'NI_INDEPENDENT_GUARDIAN',
  OTHER_ADVOCATE = 'OTHER_ADVOCATE',
}

export enum GuardianEndReason {
  AGE_LIMIT_REACHED = 'AGE_LIMIT_REACHED',
  GUARDIAN_CHANGED = 'GUARDIAN_CHANGED',
  MOVED_OUT_OF_AREA = 'MOVED_OUT_OF_AREA',
  NO_LONGER_ELIGIBLE = 'NO_LONGER_ELIGIBLE',
  OTHER = 'OTHER',
}

export enum ContactMode {
  IN_PERSON = 'IN_PERSON',
  PHONE = 'PHONE',
  VIDEO = 'VIDEO',
  MESSAGE = 'MESSAGE',
}

registerEnumType(GuardianScheme, { name: 'GuardianScheme' });
registerEnumType(GuardianEndReason, { name: 'GuardianEndReason' });
registerEnumType(ContactMode, { name: 'ContactMode' });
