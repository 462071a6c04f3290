import { registerEnumType } from '@nestjs/graphql';

/** The agencies that refer, assess, attend meetings and own actions. */
export enum Agency {
  CHILDRENS_SERVICES = 'CHILDRENS_SERVICES',
  POLICE = 'POLICE',
  HEALTH = 'HEALTH',
  EDUCATION = 'EDUCATION',
  GUARDIANSHIP_SERVICE = 'GUARDIANSHIP_SERVICE',
  HOME_OFFICE = 'HOME_OFFICE',
  BORDER_FORCE = 'BORDER_FORCE',
  NGO = 'NGO',
  YOUTH_JUSTICE = 'YOUTH_JUSTICE',
  OTHER = 'OTHER',
}
registerEnumType(Agency, { name: 'Agency' });
