import { registerEnumType } from '@nestjs/graphql';
import { Role } from './role-values';

export { Role };
registerEnumType(Role, { name: 'Role', description: 'What a practitioner is, as named by their token' });

export enum Nation {
  ENGLAND = 'ENGLAND',
  WALES = 'WALES',
  SCOTLAND = 'SCOTLAND',
  NORTHERN_IRELAND = 'NORTHERN_IRELAND',
}
registerEnumType(Nation, { name: 'Nation' });

export enum OrganisationKind {
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  GUARDIANSHIP_PROVIDER = 'GUARDIANSHIP_PROVIDER',
  SAFEGUARDING_PARTNERSHIP = 'SAFEGUARDING_PARTNERSHIP',
  SERVICE_OPERATOR = 'SERVICE_OPERATOR',
  POLICE_FORCE = 'POLICE_FORCE',
  NGO = 'NGO',
  HEALTH_BODY = 'HEALTH_BODY',
  HOME_OFFICE = 'HOME_OFFICE',
}
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });

/** Local authority staff: the roles whose scope is one authority's children. */
export const AUTHORITY_ROLES: readonly Role[] = [Role.SOCIAL_WORKER, Role.TEAM_MANAGER];
