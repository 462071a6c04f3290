import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  addDays,
  addYears,
  ageOn,
  AnyRow,
  AuditAction,
  birthday,
  childScope,
  Clock,
  conflict,
  conflictsByConstraint,
  Connection,
  DomainEvents,
  hydrate,
  IdRow,
  invalidField,
  isUuid,
  Keyset,
  longDate,
  notFound,
  queryMaybeRow,
  queryRows,
  RequestContext,
  Role,
  toConnection,
} from '@haven/platform';
import { z } from 'zod';
import { CaseClosureChecks } from './case-closure';
import { RequestedEdge } from './child-edges';
import { Child, ChildFields } from './child.entity';
import { CaseClosureReason, ChildStatus } from './child.enums';
import { columnsFor, toChildModel } from './child.mapper';
import { ChildModel } from './child.model';
import { ChildrenArgs, ChildFilter } from './dto/children.args';
import { CloseCaseInput, ReopenCaseInput } from './dto/close-case.input';
import { RegisterChildInput } from './dto/register-child.input';
import { UpdateChildInput } from './dto/update-child.input';

const ENTITY = 'Child';
/** The children list is paged by registration, newest first. */
const CHILDREN = new Keyset('children', ['instant', 'uuid']);

/** The unique index on (authority, localChildId). */
const LOCAL_CHILD_ID_TAKEN = 'child_local_child_id_key';

/** Fields of registerChild that may never be cleared once set. */
const REQUIRED_FIELDS = ['givenName', 'gender'] as const;

/** The fields an input may set, in the order they are compared and written. */
const FIELD_NAMES: (keyof ChildFields)[] = [
  'givenName',
  'familyName',
  'preferredName',
  'aliases',
  'claimedDateOfBirth',
  'gender',
  'nationality',
  'nationalityBasis',
  'regionOfOrigin',
  'languages',
  'interpreterNeeded',
  'categories',
  'exploitationTypes',
  'arrivalDate',
  'arrivalRoute',
  'legalStatus',
  'immigrationStatus',
  'asylumClaimDate',
  'leaveExpiresOn',
  'homeOfficeReference',
  'allocatedWorkerId',
  'localChildId',
  'parentalResponsibilityInUk',
];

/** A child the caller may see, as other capabilities need it: to scope and audit their own records. */
export interface VisibleChild {
  id: string;
  localAuthorityId: string;
  childId: string;
}

/** A listed child: its whole row (hydrated by the entity's metadata) and the total of the matches. */
const ListedChildRow = z.looseObject({ total_count: z.number().optional() });

/** What requireVisible reads of the child it locks. */
const LockedChildRow = z.object({
  id: z.string(),
  local_authority_id: z.string(),
  arrival_date: z.string().nullable(),
});

/** A visible child, locked, with the facts recording something about it most often needs. */
export interface LockedChild extends VisibleChild {
  arrivalDate: Child['arrivalDate'];
}

@Injectable()
export class ChildrenService {
  constructor(
    private readonly clock: Clock,
    private readonly events: DomainEvents,
    private readonly closureChecks: CaseClosureChecks,
  ) {}

  async register(ctx: RequestContext, input: RegisterChildInput): Promise<ChildModel> {
    const { actor } = ctx;
    const localAuthorityId = actor.localAuthorityId;
    if (!localAuthorityId)
      throw invalidField('localAuthority', 'Only local authority staff register children');
    const fields = this.fieldsFrom(input, 'register') as ChildFields;
    fields.allocatedWorkerId ??=
      actor.role === Role.SOCIAL_WORKER || actor.role === Role.TEAM_MANAGER ? actor.practitionerId : null;
    const em = await ctx.em();
    await this.checkRelations(em, localAuthorityId, fields);
    const inserted = await refuseTakenLocalId(
      fields.localChildId,
      em
        .createQueryBuilder()
        .insert()
        .into(Child)
        .values({
          ...fields,
          localAuthorityId,
          registeredBy: actor.practitionerId,
          version: 1,
        })
        .returning(['id'])
        .execute(),
    );
    const child = await em
      .getRepository(Child)
      .findOneByOrFail({ id: (inserted.raw as { id: string }[])[0].id });
    ctx.audit(AuditAction.CREATE, ENTITY, asOwned(child));
    return toChildModel(child);
  }

  async update(ctx: RequestContext, input: UpdateChildInput): Promise<ChildModel> {
    const em = await ctx.em();
    const current = await this.lockVisible(em, ctx, input.id);
    this.checkVersion(current, input.expectedVersion);
    const requested = this.fieldsFrom(input, 'update');
    const merged: Child = { ...current, ...requested };
    await this.checkRelations(em, current.localAuthorityId, requested, merged);

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [field, value] of Object.entries(requested)) {
      const before = current[field as keyof Child];
      if (JSON.stringify(before) !== JSON.stringify(value)) changes[field] = { from: before, to: value };
    }
    if (Object.keys(changes).length === 0) return toChildModel(current);

    const set: Partial<Child> = Object.fromEntries(
      Object.keys(changes).map((field) => [field, merged[field as keyof Child]]),
    );
    const updated = await this.writeVersioned(em, current, input.expectedVersion, set);
    ctx.audit(AuditAction.UPDATE, ENTITY, asOwned(updated), { changes });
    await this.events.publish(ctx, {
      type: 'ChildUpdated',
      childId: updated.id,
      localAuthorityId: updated.localAuthorityId,
    });
    return toChildModel(updated);
  }

  async close(ctx: RequestContext, input: CloseCaseInput): Promise<ChildModel> {
    const em = await ctx.em();
    const current = await this.lockVisible(em, ctx, input.childId);
    this.checkVersion(current, input.expectedVersion);
    if (current.status === ChildStatus.CLOSED) throw conflict('The case is already closed');
    // the child's row is locked: what the checks read cannot change before this transaction ends
    const refusal =
      this.ageRefusal(current, input) ??
      (await this.closureChecks.refusal(em, {
        childId: current.id,
        reason: input.reason,
        closedOn: input.closedOn,
      }));
    if (refusal) throw conflict(refusal);
    const updated = await this.writeVersioned(em, current, input.expectedVersion, {
      status: ChildStatus.CLOSED,
      closureReason: input.reason,
      closedOn: input.closedOn,
    });
    ctx.audit(AuditAction.UPDATE, ENTITY, asOwned(updated), {
      changes: {
        status: { from: ChildStatus.OPEN, to: ChildStatus.CLOSED },
        closureReason: { from: null, to: input.reason },
      },
    });
    await this.events.publish(ctx, {
      type: 'CaseClosed',
      childId: updated.id,
      localAuthorityId: updated.localAuthorityId,
    });
    return toChildModel(updated);
  }

  async reopen(ctx: RequestContext, input: ReopenCaseInput): Promise<ChildModel> {
    const em = await ctx.em();
    const current = await this.lockVisible(em, ctx, input.childId);
    this.checkVersion(current, input.expectedVersion);
    if (current.status === ChildStatus.OPEN) throw conflict('The case is already open');
    const updated = await this.writeVersioned(em, current, input.expectedVersion, {
      status: ChildStatus.OPEN,
      closureReason: null,
      closedOn: null,
    });
    ctx.audit(AuditAction.UPDATE, ENTITY, asOwned(updated), {
      changes: {
        status: { from: ChildStatus.CLOSED, to: ChildStatus.OPEN },
        closureReason: { from: current.closureReason, to: null },
      },
    });
    // the alerts closing cleared (nearing 18, no guardian...) come back now, not at the next scan
    await this.events.publish(ctx, {
      type: 'CaseReopened',
      childId: updated.id,
      localAuthorityId: updated.localAuthorityId,
    });
    return toChildModel(updated);
  }

  /** One child, audited as read; NOT_FOUND whether it is absent or outside the caller's scope. */
  async get(ctx: RequestContext, id: string): Promise<ChildModel> {
    const child = await this.loader(ctx).load(id);
    if (!child) throw notFound(ENTITY);
    return child;
  }

  /**
   * One child with the edges a query selects (its placements, episodes, alerts...) in one statement:
   * the edges' loaders are primed, so the field resolvers that follow read no more.
   */
  async getWithEdges(ctx: RequestContext, id: string, edges: readonly RequestedEdge[]): Promise<ChildModel> {
    if (edges.length === 0 || !isUuid(id)) return this.get(ctx, id);
    const em = await ctx.em();
    // plain SQL: the query builder's alias rewriting over the edges' subqueries cost more than the query
    const selects = edges.map((requested, index) => `(${requested.sql}) AS edge_${index}`).join(', ');
    // the child's columns are read by its entity's metadata (hydrate), each edge's value by the edge
    const row = await queryMaybeRow(
      em,
      AnyRow,
      `SELECT c.*, ${selects} FROM child c WHERE c.id = $1 AND ${childScope(ctx.actor)}`,
      [id],
    );
    if (!row) throw notFound(ENTITY);
    const child = hydrate(em.dataSource, Child, row);
    ctx.audit(AuditAction.READ, ENTITY, asOwned(child));
    const model = toChildModel(child);
    this.loader(ctx).prime(id, model);
    edges.forEach(({ edge, args }, index) => edge.prime(ctx, id, row[`edge_${index}`], args));
    return model;
  }

  /** Children by id within the caller's scope, batched per request; each one returned is audited. */
  loader(ctx: RequestContext): DataLoader<string, ChildModel | null> {
    return ctx.loader(
      'child.byId',
      () =>
        new DataLoader(async (ids: readonly string[]) => {
          const valid = ids.filter((id) => isUuid(id));
          const em = await ctx.em();
          const rows = valid.length
            ? await this.scoped(em, ctx).andWhere('c.id = ANY(:ids)', { ids: valid }).getMany()
            : [];
          ctx.auditMany(AuditAction.READ, ENTITY, rows.map(asOwned));
          const byId = new Map(rows.map((row) => [row.id, toChildModel(row)]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }

  /**
   * For other capabilities recording something about a child: the child if the caller may see it,
   * locked against concurrent changes of its scope; NOT_FOUND otherwise. Not audited as a read.
   */
  async requireVisible(ctx: RequestContext, childId: string): Promise<LockedChild> {
    if (!isUuid(childId)) throw notFound(ENTITY);
    const em = await ctx.em();
    // locked as lockVisible locks it (FOR UPDATE), reading only what the callers need
    const row = await queryMaybeRow(
      em,
      LockedChildRow,
      `SELECT c.id, c.local_authority_id, c.arrival_date FROM child c
        WHERE c.id = $1 AND ${childScope(ctx.actor)} FOR UPDATE`,
      [childId],
    );
    if (!row) throw notFound(ENTITY);
    return {
      id: row.id,
      childId: row.id,
      localAuthorityId: row.local_authority_id,
      arrivalDate: row.arrival_date,
    };
  }

  /**
   * For reads about a child (the audit trail, the grab pack, a subject access export): the child if the
   * caller may see it, NOT_FOUND otherwise, without a row lock, so a read never waits behind a writer.
   * Mutations use requireVisible. Not audited as a read.
   */
  async findVisible(ctx: RequestContext, childId: string): Promise<VisibleChild> {
    if (!isUuid(childId)) throw notFound(ENTITY);
    const em = await ctx.em();
    const child = await this.scoped(em, ctx).andWhere('c.id = :id', { id: childId }).getOne();
    if (!child) throw notFound(ENTITY);
    return asOwned(child);
  }

  /**
   * A page of the children in the caller's scope. `selected`: the Child fields the query asks of each
   * (selectedNodeFields), so that only their columns are read; null reads whole rows.
   */
  async list(
    ctx: RequestContext,
    args: ChildrenArgs,
    selected: ReadonlySet<string> | null = null,
  ): Promise<Connection<ChildModel>> {
    const first = args.first ?? 50;
    const cursor = CHILDREN.decode(args.after);
    const em = await ctx.em();
    // the columns as PostgreSQL returns them, hydrated as the case file's child is (cheaper than the
    // query builder's entity transform over 50 rows)
    const columns = columnsFor(em.connection.getMetadata(Child), selected);
    const query = this.filtered(this.scoped(em, ctx), args.filter ?? {}).select(
      columns ? columns.map((column) => `c.${column}`).join(', ') : 'c.*',
    );
    // the total across pages rides along, one statement for page and count: a window over the matches
    // on the first page, a subquery without the cursor's condition on the next ones
    let counting: SelectQueryBuilder<Child> | undefined;
    if (cursor) {
      counting = query.clone().select('count(*)::int', 'count');
      query.addSelect(`(${counting.getQuery()})`, 'total_count').setParameters(counting.getParameters());
      query.andWhere('(c.registered_at, c.id) < (:afterAt::timestamptz, :afterId::uuid)', {
        afterAt: cursor[0],
        afterId: cursor[1],
      });
    } else {
      query.addSelect('count(*) OVER ()::int', 'total_count');
    }
    const [sql, parameters] = query
      .orderBy('c.registered_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(first + 1)
      .getQueryAndParameters();
    const raw = await queryRows(em, ListedChildRow, sql, parameters);
    const rows = raw.map((row) => hydrate(em.dataSource, Child, row));
    // past the last page no row carries the total
    const total = raw[0]?.total_count ?? (await counting?.getRawOne<{ count: number }>())?.count ?? 0;
    ctx.auditMany(AuditAction.READ, ENTITY, rows.slice(0, first).map(asOwned));
    return toConnection(
      rows,
      first,
      total,
      CHILDREN,
      (row) => [row.registeredAt.toISOString(), row.id],
      toChildModel,
    );
  }

  private scoped(em: EntityManager, ctx: RequestContext): SelectQueryBuilder<Child> {
    return em.getRepository(Child).createQueryBuilder('c').where(childScope(ctx.actor));
  }

  private filtered(query: SelectQueryBuilder<Child>, filter: ChildFilter): SelectQueryBuilder<Child> {
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.category) query.andWhere(':category = ANY(c.categories)', { category: filter.category });
    if (filter.exploitationType) {
      query.andWhere(':exploitationType = ANY(c.exploitation_types)', {
        exploitationType: filter.exploitationType,
      });
    }
    if (filter.ageDisputed !== undefined && filter.ageDisputed !== null) {
      query.andWhere('c.age_disputed = :ageDisputed', { ageDisputed: filter.ageDisputed });
    }
    if (filter.allocatedWorkerId) {
      query.andWhere('c.allocated_worker_id = :allocatedWorkerId', {
        allocatedWorkerId: filter.allocatedWorkerId,
      });
    }
    if (filter.guardianId) {
      // the guardianship capability's published view, read here so that one query pages the list
      query.andWhere(
        `EXISTS (SELECT 1 FROM active_guardian_assignment ga WHERE ga.child_id = c.id AND ga.guardian_id = :guardianId)`,
        { guardianId: filter.guardianId },
      );
    }
    if (filter.missingNow !== undefined && filter.missingNow !== null) {
      query.andWhere(
        `${filter.missingNow ? '' : 'NOT '}EXISTS (SELECT 1 FROM open_missing_episode m WHERE m.child_id = c.id)`,
      );
    }
    const words = (filter.search ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
    if (words.length > 0) {
      // every word in the names and aliases, or the whole search as the authority's own id for the child
      const names = words
        .map((_, index) => `c.search_text LIKE '%' || haven_normalise(:search${index}) || '%'`)
        .join(' AND ');
      const localId = words.length === 1 ? ' OR lower(c.local_child_id) = lower(:localChildId)' : '';
      query.andWhere(`((${names})${localId})`, {
        ...Object.fromEntries(
          words.map((word, index) => [`search${index}`, word.replace(/[\\%_]/g, '\\$&')]),
        ),
        localChildId: words[0],
      });
    }
    if (filter.turning18WithinDays !== undefined && filter.turning18WithinDays !== null) {
      const today = this.clock.today();
      const until = addDays(today, filter.turning18WithinDays);
      // The range on the date of birth lets the index narrow; the birthday (haven_birthday, the SQL
      // twin of the platform's `birthday`) decides exactly: a 29 February birthday falls on 28 February.
      query
        .andWhere('c.effective_date_of_birth BETWEEN :bornFrom::date AND :bornTo::date', {
          bornFrom: addDays(addYears(today, -18), -1),
          bornTo: addDays(addYears(until, -18), 1),
        })
        .andWhere(`haven_birthday(c.effective_date_of_birth, 18) BETWEEN :today::date AND :until::date`, {
          today,
          until,
        });
    }
    return query;
  }

  private async lockVisible(em: EntityManager, ctx: RequestContext, id: string): Promise<Child> {
    if (!isUuid(id)) throw notFound(ENTITY);
    const child = await this.scoped(em, ctx)
      .andWhere('c.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!child) throw notFound(ENTITY);
    return child;
  }

  /** Leaving care at 18 needs an effective age of 18 on the day the case closes. */
  private ageRefusal(child: Child, input: CloseCaseInput): string | null {
    if (input.reason !== CaseClosureReason.TURNED_18_TO_LEAVING_CARE) return null;
    const dob = child.effectiveDateOfBirth;
    if (!dob) {
      return 'No date of birth is recorded, so the case cannot be closed as TURNED_18_TO_LEAVING_CARE';
    }
    if (ageOn(dob, input.closedOn) >= 18) return null;
    return `The young person turns 18 on ${longDate(birthday(dob, 18))} (effective date of birth ${longDate(dob)}), after ${longDate(input.closedOn)}: the case cannot be closed as TURNED_18_TO_LEAVING_CARE before then`;
  }

  private checkVersion(child: Child, expectedVersion: number): void {
    if (child.version !== expectedVersion) {
      throw conflict(
        `The child's record has changed since version ${expectedVersion} (it is now version ${child.version}); reload it and try again`,
      );
    }
  }

  /** The UPDATE itself checks the version: zero rows means someone else won, whatever was read before. */
  private async writeVersioned(
    em: EntityManager,
    current: Child,
    expectedVersion: number,
    set: Partial<Child>,
  ): Promise<Child> {
    const result = await refuseTakenLocalId(
      set.localChildId,
      em
        .createQueryBuilder()
        .update(Child)
        .set({ ...set, version: () => 'version + 1', updatedAt: () => 'now()' })
        .where('id = :id AND version = :expectedVersion', { id: current.id, expectedVersion })
        .execute(),
    );
    if (result.affected !== 1)
      throw conflict(`The child's record has changed since version ${expectedVersion}`);
    return em.getRepository(Child).findOneByOrFail({ id: current.id });
  }

  private fieldsFrom(
    input: RegisterChildInput | UpdateChildInput,
    mode: 'register' | 'update',
  ): Partial<ChildFields> {
    const given: Partial<Record<keyof ChildFields, unknown>> = input;
    const fields: Partial<Record<keyof ChildFields, unknown>> = {};
    for (const name of FIELD_NAMES) {
      const value = given[name];
      if (value === undefined && mode === 'update') continue;
      fields[name] = value ?? null;
    }
    for (const name of REQUIRED_FIELDS) {
      if (name in fields && fields[name] === null) throw invalidField(name, `${name} cannot be cleared`);
    }
    const defaults: Partial<Record<keyof ChildFields, unknown>> = {
      aliases: [],
      languages: [],
      categories: [],
      exploitationTypes: [],
      interpreterNeeded: false,
    };
    for (const [name, fallback] of Object.entries(defaults)) {
      if (name in fields && fields[name as keyof ChildFields] === null)
        fields[name as keyof ChildFields] = fallback;
    }
    if (Array.isArray(fields.aliases)) {
      fields.aliases = (fields.aliases as { name: string; source?: string | null }[]).map((alias) => ({
        name: alias.name,
        source: alias.source ?? null,
      }));
    }
    return fields as Partial<ChildFields>;
  }

  /** Rules across fields and records: dates in a possible order, and an allocated worker of the authority. */
  private async checkRelations(
    em: EntityManager,
    localAuthorityId: string,
    requested: Partial<ChildFields>,
    merged: Partial<ChildFields> = requested,
  ): Promise<void> {
    const dob = merged.claimedDateOfBirth;
    if (dob && merged.arrivalDate && merged.arrivalDate < dob) {
      throw invalidField('arrivalDate', 'arrivalDate cannot be before the claimed date of birth');
    }
    if (dob && merged.asylumClaimDate && merged.asylumClaimDate < dob) {
      throw invalidField('asylumClaimDate', 'asylumClaimDate cannot be before the claimed date of birth');
    }
    if (requested.allocatedWorkerId) {
      const worker = await queryMaybeRow(
        em,
        IdRow,
        `SELECT id FROM practitioner WHERE id = $1 AND organisation_id = $2 AND role IN ('SOCIAL_WORKER', 'TEAM_MANAGER')`,
        [requested.allocatedWorkerId, localAuthorityId],
      );
      if (!worker)
        throw invalidField(
          'allocatedWorkerId',
          'No social worker or team manager of this authority has that id',
        );
    }
  }
}

/** A second child of the authority with the same local id is a CONFLICT, whichever request won the race. */
function refuseTakenLocalId<T>(localChildId: string | null | undefined, write: Promise<T>): Promise<T> {
  return conflictsByConstraint(
    {
      [LOCAL_CHILD_ID_TAKEN]: `Another child of this authority already has the local identifier ${localChildId}`,
    },
    () => write,
  );
}

function asOwned(child: Child): VisibleChild {
  return { id: child.id, childId: child.id, localAuthorityId: child.localAuthorityId };
}
