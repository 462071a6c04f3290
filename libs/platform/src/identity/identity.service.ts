import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { execute, IdRow, queryMaybeRow, queryRow } from '../database/typed-query';
import { forbidden } from '../errors/haven-error';
import { Actor, TokenClaims } from './actor';
import { AUTHORITY_ROLES, Nation, OrganisationKind, Role } from './role';

const ActorRow = z.object({
  subject: z.string(),
  name: z.string(),
  role: z.enum(Role),
  organisation_id: z.string(),
  organisation_code: z.string(),
  organisation_nation: z.enum(Nation).nullable(),
});

const OrganisationRow = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum(OrganisationKind),
  nation: z.enum(Nation).nullable(),
});
type OrganisationRow = z.infer<typeof OrganisationRow>;

/** The organisation a role's token may name, and what is created when it is first seen. */
const ORGANISATION_FOR_ROLE: Record<Role, { kinds: OrganisationKind[]; createAs?: OrganisationKind }> = {
  [Role.SOCIAL_WORKER]: { kinds: [OrganisationKind.LOCAL_AUTHORITY] },
  [Role.TEAM_MANAGER]: { kinds: [OrganisationKind.LOCAL_AUTHORITY] },
  [Role.GUARDIAN]: {
    kinds: [OrganisationKind.GUARDIANSHIP_PROVIDER],
    createAs: OrganisationKind.GUARDIANSHIP_PROVIDER,
  },
  [Role.LSCB_ANALYST]: {
    kinds: [OrganisationKind.SAFEGUARDING_PARTNERSHIP, OrganisationKind.LOCAL_AUTHORITY],
    createAs: OrganisationKind.SAFEGUARDING_PARTNERSHIP,
  },
  [Role.ADMIN]: { kinds: Object.values(OrganisationKind), createAs: OrganisationKind.SERVICE_OPERATOR },
};

const CACHE_TTL_MS = 60_000;

/**
 * Turns verified claims into an Actor, creating the practitioner (and a provider organisation) on
 * first sight. Runs in its own short transaction, so a request that later rolls back does not undo
 * the practitioner, and caches the result briefly so most requests cost no SQL here.
 */
@Injectable()
export class IdentityService {
  private readonly cache = new Map<string, { actor: Actor; until: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async resolve(claims: TokenClaims): Promise<Actor> {
    const key = JSON.stringify([claims.sub, claims.name, claims.role, claims.org, claims.las, claims.email]);
    const cached = this.cache.get(key);
    if (cached && cached.until > Date.now()) return cached.actor;

    const organisation = await this.organisationFor(claims);
    const practitioner = await queryRow(
      this.dataSource,
      IdRow,
      `INSERT INTO practitioner (subject, name, email, role, organisation_id, first_seen_at, last_seen_at)
       VALUES ($1, $2, $3, $4, $5, now(), now())
       ON CONFLICT (subject) DO UPDATE
         SET name = excluded.name, email = coalesce(excluded.email, practitioner.email), role = excluded.role,
             organisation_id = excluded.organisation_id, last_seen_at = now()
       RETURNING id`,
      [claims.sub, claims.name, claims.email ?? null, claims.role, organisation.id],
    );

    const actor: Actor = {
      practitionerId: practitioner.id,
      subject: claims.sub,
      name: claims.name,
      role: claims.role,
      organisationId: organisation.id,
      organisationCode: organisation.code,
      localAuthorityId: AUTHORITY_ROLES.includes(claims.role) ? organisation.id : null,
      nation: organisation.nation,
      authorityCodes: claims.las,
    };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { actor, until: Date.now() + CACHE_TTL_MS });
    return actor;
  }

  /** The actor a practitioner is, as last seen: for links they made that are opened without a token. */
  async actorFor(practitionerId: string): Promise<Actor | null> {
    const row = await queryMaybeRow(
      this.dataSource,
      ActorRow,
      // a practitioner with their organisation, as the view defines them for every reader
      `SELECT subject, name, role, organisation_id, organisation_code, organisation_nation
         FROM practitioner_row WHERE id = $1`,
      [practitionerId],
    );
    if (!row) return null;
    return {
      practitionerId,
      subject: row.subject,
      name: row.name,
      role: row.role,
      organisationId: row.organisation_id,
      organisationCode: row.organisation_code,
      localAuthorityId: AUTHORITY_ROLES.includes(row.role) ? row.organisation_id : null,
      nation: row.organisation_nation,
      authorityCodes: [],
    };
  }

  private async organisationFor(claims: TokenClaims): Promise<OrganisationRow> {
    const rule = ORGANISATION_FOR_ROLE[claims.role];
    const select = 'SELECT id, code, kind, nation FROM organisation WHERE code = $1';
    let organisation = await queryMaybeRow(this.dataSource, OrganisationRow, select, [claims.org]);
    if (!organisation && rule.createAs) {
      await execute(
        this.dataSource,
        `INSERT INTO organisation (code, name, kind) VALUES ($1, $1, $2) ON CONFLICT (code) DO NOTHING`,
        [claims.org, rule.createAs],
      );
      organisation = await queryMaybeRow(this.dataSource, OrganisationRow, select, [claims.org]);
    }
    if (!organisation) throw forbidden(`The organisation ${claims.org} is not a known local authority`);
    if (!rule.kinds.includes(organisation.kind)) {
      throw forbidden(`A ${claims.role} token cannot name the organisation ${claims.org}`);
    }
    return organisation;
  }
}
