import { EntityMetadata } from 'typeorm';
import { Child } from './child.entity';
import { ChildModel } from './child.model';

/**
 * The Child fields ChildrenResolver serves from other properties than their own name's. A field named
 * as a property of the entity is that property (toChildModel copies it, or the immigration fields from
 * it); a field neither names is served by some capability's resolver, which may read anything of the
 * child it is given.
 */
const SERVED_FROM: Record<string, readonly (keyof Child)[]> = {
  __typename: [],
  age: ['effectiveDateOfBirth'],
  nrmCategories: ['exploitationTypes'],
  localAuthority: ['localAuthorityId'],
  allocatedWorker: ['allocatedWorkerId'],
};

/** What every listed child needs whatever is selected: its id, its authority (audit), its cursor. */
const ALWAYS_READ: readonly (keyof Child)[] = ['id', 'localAuthorityId', 'registeredAt'];

/**
 * The columns a list of children must read to answer these selected fields, or null (whole rows) when
 * a field is not known to need only its own (`selected` null: the selection is not known).
 */
export function columnsFor(metadata: EntityMetadata, selected: ReadonlySet<string> | null): string[] | null {
  if (!selected) return null;
  const properties = new Set<string>(ALWAYS_READ);
  for (const field of selected) {
    const served = Object.hasOwn(SERVED_FROM, field)
      ? SERVED_FROM[field]
      : metadata.findColumnWithPropertyName(field)
        ? [field]
        : null;
    if (!served) return null;
    for (const property of served) properties.add(property);
  }
  return [...properties].map((property) => metadata.findColumnWithPropertyName(property)!.databaseName);
}

/**
 * Entity to API model, field by field: a column added to the table never reaches the API by accident.
 * A child read for a list (columnsFor) lacks the columns its query did not select, and so does its model.
 */
export function toChildModel(child: Child): ChildModel {
  return {
    id: child.id,
    version: child.version,
    localAuthorityId: child.localAuthorityId,
    givenName: child.givenName,
    familyName: child.familyName,
    preferredName: child.preferredName,
    aliases: child.aliases?.map((alias) => ({ name: alias.name, source: alias.source ?? null })),
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
