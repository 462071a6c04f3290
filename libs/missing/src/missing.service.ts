import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { ChildEdge, ChildrenService } from '@haven/children';
import {
  AnyRow,
  AnyRows,
  APP_CONFIG,
  AppConfig,
  AuditAction,
  Clock,
  conflict,
  conflictsByConstraint,
  DomainEvents,
  execute,
  hydrate,
  invalidField,
  isPageSize,
  lockVisibleRecord,
  notFound,
  parseRow,
  perChild,
  queryRow,
  queryRows,
  RequestContext,
  scopedRecords,
} from '@haven/platform';
import { PlacementsService } from '@haven/placements';
import { z } from 'zod';
import { RecordReturnInput, RecordReturnInterviewInput, ReportMissingInput } from './dto/missing.inputs';
import { MissingEpisode } from './missing-episode.entity';
import { MissingEpisodeModel } from './missing-episode.model';
import { returnInterviewDueBy, startsSoonAfterPlacement } from './missing-rules';
import { ChildReturned, ChildWentMissing, ReturnInterviewRecorded } from './missing.events';

const ChildIdRow = z.object({ child_id: z.string() });

const ENTITY = 'MissingEpisode';
const ONE_OPEN = 'missing_episode_one_open_idx';
const NO_OVERLAP = 'missing_episode_no_overlap';

/** The episodes the service reads: one by id, a child's open one, or the children's (the newest `first` of each). */
type EpisodeLookup = { id: string } | { openFor: string } | { childIds: readonly string[]; first?: number };

@Injectable()
export class MissingService {
  private readonly soonAfterHours: number;
  private readonly returnInterviewDueHours: number;

  constructor(
    private readonly children: ChildrenService,
    private readonly placements: PlacementsService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.soonAfterHours = config.missing.soonAfterPlacementHours;
    this.returnInterviewDueHours = config.missing.returnInterviewDueHours;
  }

  /**
   * Reports a child missing, by their social worker or their active guardian. One open episode per
   * child is held by a unique index; the alert engine reacts to the event in this same transaction.
   */
  async report(ctx: RequestContext, input: ReportMissingInput): Promise<MissingEpisodeModel> {
    const child = await this.children.requireVisible(ctx, input.childId);
    if (input.reportedToPoliceAt && input.reportedToPoliceAt < input.missingSince) {
      throw invalidField('reportedToPoliceAt', 'reportedToPoliceAt cannot be before missingSince');
    }
    const em = await ctx.em();
    const placement = await this.placements.placementAt(em, child.id, input.missingSince);
    const soon = startsSoonAfterPlacement(
      input.missingSince,
      placement?.startedAt ?? null,
      child.arrivalDate,
      this.soonAfterHours,
    );
    const inserted = await conflictsByConstraint(
      {
        [ONE_OPEN]: 'The child is already missing: record the return of the open episode first',
        [NO_OVERLAP]: 'The episode overlaps an earlier episode of this child',
      },
      () =>
        // the whole row, read by the entity's own column metadata (hydrate)
        queryRow(
          em,
          AnyRow,
          `INSERT INTO missing_episode (child_id, local_authority_id, kind, placement_id, missing_since, reported_to_police_at,
                                      police_reference, police_risk_level, last_seen_location, last_seen_with, circumstances,
                                      trafficker_contact_feared, soon_after_placement, reported_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING *`,
          [
            child.id,
            child.localAuthorityId,
            input.kind,
            placement?.id ?? null,
            input.missingSince,
            input.reportedToPoliceAt ?? null,
            input.policeReference ?? null,
            input.policeRiskLevel ?? null,
            input.lastSeenLocation ?? null,
            input.lastSeenWith ?? null,
            input.circumstances ?? null,
            input.traffickerContactFeared ?? false,
            soon,
            ctx.actor.practitionerId,
          ],
        ),
    );
    // what was written is what is answered: no second read
    const episode = toModel(hydrate(this.dataSource, MissingEpisode, inserted), this.clock.now().getTime());
    ctx.audit(AuditAction.CREATE, ENTITY, episode);
    const event: ChildWentMissing = {
      type: 'ChildWentMissing',
      childId: child.id,
      localAuthorityId: child.localAuthorityId,
      episodeId: episode.id,
      missingSince: input.missingSince,
      soonAfterPlacement: soon,
    };
    await this.events.publish(ctx, event);
    return episode;
  }

  /** Closes an episode, once; the return interview is then due within 72 hours (configurable). */
  async recordReturn(ctx: RequestContext, input: RecordReturnInput): Promise<MissingEpisodeModel> {
    const em = await ctx.em();
    const episode = await this.lockVisible(ctx, em, input.episodeId);
    if (episode.returnedAt)
      throw conflict(`The return was already recorded (${episode.returnedAt.toISOString()})`);
    if (input.returnedAt <= episode.missingSince) {
      throw invalidField(
        'returnedAt',
        `returnedAt must be after missingSince (${episode.missingSince.toISOString()})`,
      );
    }
    await conflictsByConstraint({ [NO_OVERLAP]: 'The return overlaps a later episode of this child' }, () =>
      execute(
        em,
        `UPDATE missing_episode SET returned_at = $2, return_interview_due_by = $3, where_found = $4, found_by = $5
          WHERE id = $1`,
        [
          episode.id,
          input.returnedAt,
          returnInterviewDueBy(input.returnedAt, this.returnInterviewDueHours),
          input.whereFound ?? null,
          input.foundBy ?? null,
        ],
      ),
    );
    const returned = await this.load(ctx, episode.id);
    ctx.audit(AuditAction.UPDATE, ENTITY, returned, { returnedAt: input.returnedAt });
    const event: ChildReturned = {
      type: 'ChildReturned',
      childId: episode.childId,
      localAuthorityId: episode.localAuthorityId,
      episodeId: episode.id,
      returnedAt: input.returnedAt,
    };
    await this.events.publish(ctx, event);
    return returned;
  }

  async recordReturnInterview(
    ctx: RequestContext,
    input: RecordReturnInterviewInput,
  ): Promise<MissingEpisodeModel> {
    const em = await ctx.em();
    const episode = await this.lockVisible(ctx, em, input.episodeId);
    if (!episode.returnedAt) throw conflict('A return interview follows a return: record the return first');
    if (input.offeredAt < episode.returnedAt) {
      throw invalidField(
        'offeredAt',
        `offeredAt cannot be before the return (${episode.returnedAt.toISOString()})`,
      );
    }
    if (input.completedAt && input.completedAt < input.offeredAt) {
      throw invalidField('completedAt', 'completedAt cannot be before offeredAt');
    }
    if (input.completedAt && input.declined) {
      throw invalidField('declined', 'An interview is either completed or declined, not both');
    }
    await execute(
      em,
      `UPDATE missing_episode SET interview_offered_at = $2, interview_completed_at = $3, interview_declined = $4,
              interview_conducted_by = $5, interview_findings = $6 WHERE id = $1`,
      [
        episode.id,
        input.offeredAt,
        input.completedAt ?? null,
        input.declined ?? false,
        input.conductedBy ?? null,
        input.findings ?? null,
      ],
    );
    const updated = await this.load(ctx, episode.id);
    ctx.audit(AuditAction.UPDATE, ENTITY, updated, {
      returnInterview: { completed: !!input.completedAt, declined: !!input.declined },
    });
    const event: ReturnInterviewRecorded = {
      type: 'ReturnInterviewRecorded',
      childId: episode.childId,
      localAuthorityId: episode.localAuthorityId,
      episodeId: episode.id,
      completed: !!input.completedAt,
      declined: !!input.declined,
    };
    await this.events.publish(ctx, event);
    return updated;
  }

  /** A child's episodes, newest first (the newest `first` of them); batched per request and audited as read. */
  forChild(ctx: RequestContext, childId: string, first?: number): Promise<MissingEpisodeModel[]> {
    return this.byChild(ctx, first).load(childId);
  }

  /** Whether each child has an open episode; batched, and reads no episode details. */
  isMissing(ctx: RequestContext, childId: string): Promise<boolean> {
    return this.openByChild(ctx).load(childId);
  }

  /** The episodes, read with the child itself (a child's episodes are in its scope). */
  readonly episodesEdge: ChildEdge = {
    fields: ['missingEpisodes'],
    select: (args) => {
      const first = args.first;
      if (first !== undefined && !isPageSize(first)) return null;
      return `SELECT coalesce(jsonb_agg(to_jsonb(m) ORDER BY m.missing_since DESC), '[]'::jsonb)
                FROM (SELECT * FROM missing_episode m WHERE m.child_id = c.id
                       ORDER BY m.missing_since DESC ${first === undefined ? '' : `LIMIT ${first}`}) m`;
    },
    prime: (ctx, childId, value, args) => {
      const now = this.clock.now().getTime();
      const models = parseRow(AnyRows, value, 'the missingEpisodes edge').map((row) =>
        toModel(hydrate(this.dataSource, MissingEpisode, row), now),
      );
      ctx.auditMany(AuditAction.READ, ENTITY, models);
      this.byChild(ctx, args.first as number | undefined).prime(childId, models);
    },
  };

  readonly currentlyMissingEdge: ChildEdge = {
    fields: ['currentlyMissing'],
    select: () => 'SELECT EXISTS (SELECT 1 FROM open_missing_episode m WHERE m.child_id = c.id)',
    prime: (ctx, childId, value) => {
      this.openByChild(ctx).prime(childId, value === true);
    },
  };

  private byChild(ctx: RequestContext, first?: number): DataLoader<string, MissingEpisodeModel[]> {
    return ctx.loader(
      first === undefined ? 'missing.byChild' : `missing.byChild.first${first}`,
      () =>
        new DataLoader(async (childIds: readonly string[]) => {
          const models = await this.query(ctx, { childIds, first });
          ctx.auditMany(AuditAction.READ, ENTITY, models);
          return perChild(childIds, models);
        }),
    );
  }

  private openByChild(ctx: RequestContext): DataLoader<string, boolean> {
    return ctx.loader(
      'missing.open',
      () =>
        new DataLoader(async (childIds: readonly string[]) => {
          const em = await ctx.em();
          const rows = await queryRows(
            em,
            ChildIdRow,
            'SELECT child_id FROM open_missing_episode WHERE child_id = ANY($1::uuid[])',
            [childIds],
          );
          const open = new Set(rows.map((row) => row.child_id));
          return childIds.map((id) => open.has(id));
        }),
    );
  }

  async openEpisode(ctx: RequestContext, childId: string): Promise<MissingEpisodeModel | null> {
    const [episode] = await this.query(ctx, { openFor: childId });
    return episode ?? null;
  }

  private async load(ctx: RequestContext, id: string): Promise<MissingEpisodeModel> {
    const [model] = await this.query(ctx, { id });
    if (!model) throw notFound(ENTITY);
    return model;
  }

  private lockVisible(ctx: RequestContext, em: EntityManager, id: string): Promise<MissingEpisode> {
    return lockVisibleRecord(em, MissingEpisode, 'm', ctx.actor, id, ENTITY);
  }

  private scoped(ctx: RequestContext, em: EntityManager) {
    return scopedRecords(em, MissingEpisode, 'm', ctx.actor);
  }

  private async query(ctx: RequestContext, lookup: EpisodeLookup): Promise<MissingEpisodeModel[]> {
    const em = await ctx.em();
    const query = this.scoped(ctx, em);
    if ('id' in lookup) query.andWhere('m.id = :id', { id: lookup.id });
    else if ('openFor' in lookup)
      query.andWhere(
        'm.child_id = :childId AND EXISTS (SELECT 1 FROM open_missing_episode o WHERE o.id = m.id)',
        { childId: lookup.openFor },
      );
    else if (lookup.first === undefined) query.andWhere('m.child_id = ANY(:childIds)', lookup);
    else
      query.andWhere(
        `m.id IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY child_id ORDER BY missing_since DESC) AS n
                                    FROM missing_episode WHERE child_id = ANY(:childIds)) newest
                   WHERE newest.n <= :first)`,
        lookup,
      );
    const rows = await query.orderBy('m.missing_since', 'DESC').getMany();
    const now = this.clock.now().getTime();
    return rows.map((row) => toModel(row, now));
  }
}

function toModel(row: MissingEpisode, now: number): MissingEpisodeModel {
  const interviewRecorded = row.interviewOfferedAt !== null;
  return {
    id: row.id,
    childId: row.childId,
    localAuthorityId: row.localAuthorityId,
    placementId: row.placementId,
    kind: row.kind,
    missingSince: row.missingSince,
    reportedToPoliceAt: row.reportedToPoliceAt,
    policeReference: row.policeReference,
    policeRiskLevel: row.policeRiskLevel,
    lastSeenLocation: row.lastSeenLocation,
    lastSeenWith: row.lastSeenWith,
    circumstances: row.circumstances,
    traffickerContactFeared: row.traffickerContactFeared,
    soonAfterPlacement: row.soonAfterPlacement,
    returnedAt: row.returnedAt,
    whereFound: row.whereFound,
    foundBy: row.foundBy,
    open: row.returnedAt === null,
    hoursMissing:
      Math.round(((row.returnedAt?.getTime() ?? now) - row.missingSince.getTime()) / 36_000) / 100,
    returnInterviewDueBy: row.returnInterviewDueBy,
    returnInterview: interviewRecorded
      ? {
          episodeId: row.id,
          childId: row.childId,
          localAuthorityId: row.localAuthorityId,
          offeredAt: row.interviewOfferedAt,
          completedAt: row.interviewCompletedAt,
          declined: row.interviewDeclined,
          conductedBy: row.interviewConductedBy,
          findings: row.interviewFindings,
        }
      : null,
  };
}
