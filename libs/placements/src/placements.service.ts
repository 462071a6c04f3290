import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { treatedAsChildSql } from '@haven/age-assessment';
import { ChildEdge, ChildrenService } from '@haven/children';
import {
  AnyRow,
  AnyRows,
  AuditAction,
  conflict,
  conflictsByConstraint,
  DomainEvents,
  execute,
  hydrate,
  IdRow,
  invalidField,
  isUuid,
  lockVisibleRecord,
  londonDate,
  notFound,
  parseRow,
  perChild,
  queryMaybeRow,
  queryRow,
  RequestContext,
  scopedRecords,
} from '@haven/platform';
import { z } from 'zod';
import { EndPlacementInput, StartPlacementInput } from './dto/placement.inputs';
import { Placement } from './placement.entity';
import { SSDA903_PLACEMENT_CODE, UNSAFE_FOR_CHILDREN } from './placement.enums';
import { unsafeNowSql } from './unsafe-placement.sql';
import { PlacementEnded, PlacementStarted } from './placement.events';
import { PlacementModel } from './placement.model';

const TreatedAsChildRow = z.object({ treated_as_child: z.boolean() });
const PlacementAtRow = z.object({ id: z.string(), started_at: z.date() });

const ENTITY = 'Placement';
const NO_OVERLAP = 'placement_no_overlap';

/** Whether each placement `p` is unsafe now (see unsafeNowSql). */
const UNSAFE_NOW = unsafeNowSql('p');

@Injectable()
export class PlacementsService {
  constructor(
    private readonly children: ChildrenService,
    private readonly events: DomainEvents,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Starts a placement. Unsafe types are recorded (they happen) and marked unsafe when the person is
   * a child, or their age is disputed, on the day; overlap with another placement is refused by an
   * exclusion constraint, whatever the concurrency.
   */
  async start(ctx: RequestContext, input: StartPlacementInput): Promise<PlacementModel> {
    const child = await this.children.requireVisible(ctx, input.childId);
    const em = await ctx.em();
    const { treated_as_child: treatedAsChild } = await queryRow(
      em,
      TreatedAsChildRow,
      `SELECT ${treatedAsChildSql('$1::uuid', '$2::date')} AS treated_as_child`,
      [child.id, londonDate(input.startedAt)],
    );
    const unsafe = UNSAFE_FOR_CHILDREN.has(input.type) && treatedAsChild;
    const { id } = await conflictsByConstraint(
      { [NO_OVERLAP]: 'The placement overlaps another of this child; end the current placement first' },
      () =>
        queryRow(
          em,
          IdRow,
          `INSERT INTO placement (child_id, local_authority_id, type, provider, address, started_at, out_of_area, specialist,
                                safety_plan, unsafe, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [
            child.id,
            child.localAuthorityId,
            input.type,
            input.provider ?? null,
            input.address ?? null,
            input.startedAt,
            input.outOfArea ?? false,
            input.specialist ?? false,
            input.safetyPlan ?? false,
            unsafe,
            ctx.actor.practitionerId,
          ],
        ),
    );
    const placement = await this.load(ctx, id);
    ctx.audit(AuditAction.CREATE, ENTITY, placement);
    const event: PlacementStarted = {
      type: 'PlacementStarted',
      childId: child.id,
      localAuthorityId: child.localAuthorityId,
      placementId: id,
      placementType: input.type,
      unsafe,
      startedAt: input.startedAt,
    };
    await this.events.publish(ctx, event);
    return placement;
  }

  async end(ctx: RequestContext, input: EndPlacementInput): Promise<PlacementModel> {
    const em = await ctx.em();
    const placement = await this.lockVisible(ctx, em, input.placementId);
    if (placement.endedAt)
      throw conflict(`The placement already ended at ${placement.endedAt.toISOString()}`);
    if (input.endedAt <= placement.startedAt) {
      throw invalidField(
        'endedAt',
        `endedAt must be after the placement started (${placement.startedAt.toISOString()})`,
      );
    }
    await execute(em, `UPDATE placement SET ended_at = $2, end_reason = $3, ended_by = $4 WHERE id = $1`, [
      placement.id,
      input.endedAt,
      input.reason,
      ctx.actor.practitionerId,
    ]);
    const ended = await this.load(ctx, placement.id);
    ctx.audit(AuditAction.UPDATE, ENTITY, ended, { endedAt: input.endedAt, reason: input.reason });
    const event: PlacementEnded = {
      type: 'PlacementEnded',
      childId: placement.childId,
      localAuthorityId: placement.localAuthorityId,
      placementId: placement.id,
      endedAt: input.endedAt,
    };
    await this.events.publish(ctx, event);
    return ended;
  }

  /** A child's placements, newest first; batched per request and audited as read. */
  forChild(ctx: RequestContext, childId: string): Promise<PlacementModel[]> {
    return this.byChild(ctx).load(childId);
  }

  /**
   * A child's current placement, if any; batched per request and audited as read. Only that one is
   * read (and audited): a case file shows no other.
   */
  currentOf(ctx: RequestContext, childId: string): Promise<PlacementModel | null> {
    return this.currentByChild(ctx).load(childId);
  }

  /** The current placement alone, read with the child itself. */
  readonly currentChildEdge: ChildEdge = {
    fields: ['currentPlacement'],
    select: () =>
      `SELECT to_jsonb(p) || jsonb_build_object('unsafe_now', ${UNSAFE_NOW})
         FROM current_placement p WHERE p.child_id = c.id`,
    prime: (ctx, childId, value) => {
      const row = value === null ? null : parseRow(AnyRow, value, 'the currentPlacement edge');
      const model = row ? toModel(hydrate(this.dataSource, Placement, row), row.unsafe_now === true) : null;
      if (model) ctx.audit(AuditAction.READ, ENTITY, model);
      this.currentByChild(ctx).prime(childId, model);
    },
  };

  /** The placements, read with the child itself (a child's placements are in its scope). */
  readonly childEdge: ChildEdge = {
    fields: ['placements'],
    select: () =>
      `SELECT coalesce(jsonb_agg(to_jsonb(p) || jsonb_build_object('unsafe_now', ${UNSAFE_NOW}) ORDER BY p.started_at DESC),
                       '[]'::jsonb)
         FROM placement p WHERE p.child_id = c.id`,
    prime: (ctx, childId, value) => {
      const models = parseRow(AnyRows, value, 'the placements edge').map((row) =>
        toModel(hydrate(this.dataSource, Placement, row), row.unsafe_now === true),
      );
      ctx.auditMany(AuditAction.READ, ENTITY, models);
      this.byChild(ctx).prime(childId, models);
    },
  };

  private byChild(ctx: RequestContext): DataLoader<string, PlacementModel[]> {
    return ctx.loader(
      'placements.byChild',
      () =>
        new DataLoader(async (childIds: readonly string[]) => {
          const models = await this.query(ctx, { childIds });
          ctx.auditMany(AuditAction.READ, ENTITY, models);
          return perChild(childIds, models);
        }),
    );
  }

  private currentByChild(ctx: RequestContext): DataLoader<string, PlacementModel | null> {
    return ctx.loader(
      'placements.currentByChild',
      () =>
        new DataLoader(async (childIds: readonly string[]) => {
          const models = await this.query(ctx, { childIds, current: true });
          ctx.auditMany(AuditAction.READ, ENTITY, models);
          return perChild(childIds, models).map(([first]) => first ?? null);
        }),
    );
  }

  /** The placement a child was in at an instant, if any (for a missing episode: the placement left). */
  async placementAt(
    em: EntityManager,
    childId: string,
    at: Date,
  ): Promise<{ id: string; startedAt: Date } | null> {
    const row = await queryMaybeRow(
      em,
      PlacementAtRow,
      `SELECT id, started_at FROM placement WHERE child_id = $1 AND tstzrange(started_at, ended_at, '[)') @> $2::timestamptz`,
      [childId, at],
    );
    return row ? { id: row.id, startedAt: row.started_at } : null;
  }

  private async load(ctx: RequestContext, id: string): Promise<PlacementModel> {
    const [model] = await this.query(ctx, { id });
    if (!model) throw notFound(ENTITY);
    return model;
  }

  /**
   * The placement, locked after its child's row (the order starting a placement and every age-assessment
   * change lock in): ending it cannot interleave with a dispute raised at the same moment, so the
   * UNSAFE_PLACEMENT alert one raises is never left open by the other's clearing.
   */
  private async lockVisible(ctx: RequestContext, em: EntityManager, id: string): Promise<Placement> {
    const found = isUuid(id) ? await this.scoped(ctx, em).andWhere('p.id = :id', { id }).getOne() : null;
    if (!found) throw notFound(ENTITY);
    await this.children.requireVisible(ctx, found.childId);
    return lockVisibleRecord(em, Placement, 'p', ctx.actor, id, ENTITY);
  }

  private scoped(ctx: RequestContext, em: EntityManager) {
    return scopedRecords(em, Placement, 'p', ctx.actor);
  }

  /** One placement by id, or the children's. */
  private async query(
    ctx: RequestContext,
    lookup: { id: string } | { childIds: readonly string[]; current?: boolean },
  ): Promise<PlacementModel[]> {
    const em = await ctx.em();
    const query = this.scoped(ctx, em)
      .addSelect(UNSAFE_NOW, 'unsafe_now')
      .andWhere('id' in lookup ? 'p.id = :id' : 'p.child_id = ANY(:childIds)', lookup);
    if ('current' in lookup && lookup.current) {
      query.andWhere('p.id IN (SELECT cp.id FROM current_placement cp WHERE cp.child_id = ANY(:childIds))');
    }
    const { entities, raw } = await query
      .orderBy('p.started_at', 'DESC')
      .getRawAndEntities<{ p_id: string; unsafe_now: boolean }>();
    const unsafeNow = new Map(raw.map((row) => [row.p_id, row.unsafe_now]));
    return entities.map((row) => toModel(row, unsafeNow.get(row.id) === true));
  }
}

function toModel(row: Placement, unsafeNow: boolean): PlacementModel {
  return {
    id: row.id,
    childId: row.childId,
    localAuthorityId: row.localAuthorityId,
    address: row.address,
    type: row.type,
    provider: row.provider,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    endReason: row.endReason,
    current: row.endedAt === null,
    outOfArea: row.outOfArea,
    specialist: row.specialist,
    safetyPlan: row.safetyPlan,
    unsafe: unsafeNow,
    ssda903Code: SSDA903_PLACEMENT_CODE[row.type],
  };
}
