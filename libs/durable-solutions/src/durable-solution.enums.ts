import { registerEnumType } from '@nestjs/graphql';

export enum DurableSolutionOption {
  INTEGRATION_IN_UK = 'INTEGRATION_IN_UK',
  FAMILY_REUNIFICATION_IN_UK = 'FAMILY_REUNIFICATION_IN_UK',
  FAMILY_REUNIFICATION_ABROAD = 'FAMILY_REUNIFICATION_ABROAD',
  RETURN_TO_COUNTRY_OF_ORIGIN = 'RETURN_TO_COUNTRY_OF_ORIGIN',
  RESETTLEMENT_THIRD_COUNTRY = 'RESETTLEMENT_THIRD_COUNTRY',
}

export enum DurableSolutionStatus {
  IDENTIFIED = 'IDENTIFIED',
  IN_PROGRESS = 'IN_PROGRESS',
  SECURED = 'SECURED',
  ABANDONED = 'ABANDONED',
}

registerEnumType(DurableSolutionOption, { name: 'DurableSolutionOption' });
registerEnumType(DurableSolutionStatus, { name: 'DurableSolutionStatus' });
