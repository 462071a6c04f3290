import { registerEnumType } from '@nestjs/graphql';

/** SSDA903: M, missing; A, away from placement without authorisation. */
export enum MissingKind {
  MISSING = 'MISSING',
  AWAY = 'AWAY',
}

export enum PoliceRiskLevel {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
  NO_APPARENT_RISK = 'NO_APPARENT_RISK',
}

export enum FoundBy {
  POLICE = 'POLICE',
  CARER = 'CARER',
  SELF_RETURNED = 'SELF_RETURNED',
  OTHER = 'OTHER',
}

registerEnumType(MissingKind, { name: 'MissingKind' });
registerEnumType(PoliceRiskLevel, { name: 'PoliceRiskLevel' });
registerEnumType(FoundBy, { name: 'FoundBy' });
