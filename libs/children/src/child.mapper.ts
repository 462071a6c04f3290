import { Child } from './child.entity';
import { ChildModel } from './child.model';

/** Entity to API model, field by field: a column added to the table never reaches the API by accident. */
export function toChildModel(child: Child): ChildModel {
  return {
    id: child.id,
    version: child.version,
    localAuthorityId: child.localAuthorityId,
    givenName: child.givenName,
    familyName: child.familyName,
    preferredName: child.preferredName,
    aliases: child.aliases.map((alias) => ({ name: alias.name, source: alias.source ?? null })),
    claimedDateOfBirth: child.claimedDateOfBirth,
    effectiveDateOfBirth: child.effectiveDateOfBirth,
    ageDisputed: child.ageDisputed,
    gender: child.gender,
    nationality: child.nationality,
    nationalityBasis: child.nationalityBasis,
    regionOfOrigin: child.regionOfOrigin,
    languages: child.languages,
    interpreterNeeded: child.interpreterNeeded,
    categories: child.categories,
    exploitationTypes: child.exploitationTypes,
    arrivalDate: child.arrivalDate,
    arrivalRoute: child.arrivalRoute,
    legalStatus: child.legalStatus,
    allocatedWorkerId: child.allocatedWorkerId,
    localChildId: child.localChildId,
    parentalResponsibilityInUk: child.parentalResponsibilityInUk,
    status: child.status,
    closureReason: child.closureReason,
    closedOn: child.closedOn,
    registeredAt: child.registeredAt,
    updatedAt: child.updatedAt,
    immigration: {
      status: child.immigrationStatus,
      asylumClaimDate: child.asylumClaimDate,
      leaveExpiresOn: child.leaveExpiresOn,
      homeOfficeReference: child.homeOfficeReference,
    },
  };
}
