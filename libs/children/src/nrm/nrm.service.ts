import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import {
  Agency,
  APP_CONFIG,
  AppConfig,
  AuditAction,
  childScope,
  conflict,
  DomainEvents,
  execute,
  IdRow,
  invalidField,
  isUuid,
  Nation,
  notFound,
  perChild,
  queryRow,
  queryRows,
  RequestContext,
} from '@haven/platform';
import { z } from 'zod';
import { ChildCategory } from '../child.enums';
import { ChildrenService } from '../children.service';
import { RecordNrmDecisionInput } from './dto/record-nrm-decision.input';
import { RecordNrmReferralInput } from './dto/record-nrm-referral.input';
import { NrmDecisionRecord, NrmReferral } from './nrm-referral.entity';
import { NrmReferralModel } from './nrm-referral.model';
import {
  checkDecision,
  earliestConclusiveDecision,
  NrmSettings,
  reasonableGroundsDueBy,
  referralFlags,
} from './nrm-rules';
import { NrmCompetentAuthority, NrmDecision, NrmStage } from './nrm.enums';

const NationRow = z.object({ nation: z.enum(Nation) });

const ENTITY = 'NrmReferral';

@Injectable()
export class NrmService {
  private readonly settings: NrmSettings;

  constructor(
    private readonly children: ChildrenService,
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.settings = config.nrm;
  }

  /**
   * Records a referral. A child referred into the NRM is a potential victim of trafficking: the
   * TRAFFICKED category is added to the child's record if it is missing (no consent is needed).
   */
  async refer(ctx: RequestContext, input: RecordNrmReferralInput): Promise<NrmReferralModel> {
    const child = await this.children.requireVisible(ctx, input.childId);
    const em = await ctx.em();
    // the target counts the working days of the child's authority's nation (its bank holidays)
    const { nation } = await queryRow(em, NationRow, `SELECT nation FROM organisation WHERE id = $1`, [
      child.localAuthorityId,
    ]);
    const { id } = await queryRow(
      em,
      IdRow,
      `INSERT INTO nrm_referral (child_id, local_authority_id, referred_on, first_responder, competent_authority,
                                 reasonable_grounds_due_by, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        child.id,
        child.localAuthorityId,
        input.referredOn,
        input.firstResponder ?? null,
        input.competentAuthority ?? null,
        reasonableGroundsDueBy(input.referredOn, nation, this.settings),
        ctx.actor.practitionerId,
      ],
    );
    const categorised = await execute(
      em,
      `UPDATE child SET categories = array_append(categories, $2), version = version + 1, updated_at = now()
        WHERE id = $1 AND NOT ($2 = ANY(categories)) RETURNING id`,
      [child.id, ChildCategory.TRAFFICKED],
    );
    const referral = await this.load(ctx, id);
    ctx.audit(AuditAction.CREATE, ENTITY, referral);
    if (categorised > 0) {
      ctx.audit(AuditAction.UPDATE, 'Child', child, {
        changes: { categories: { added: ChildCategory.TRAFFICKED, because: 'NRM referral' } },
      });
    }
    return referral;
  }

  async decide(ctx: RequestContext, input: RecordNrmDecisionInput): Promise<NrmReferralModel> {
    const em = await ctx.em();
    const referral = await this.lockVisible(ctx, input.referralId);
    // a conclusive decision sooner than the recovery period is recorded and flagged (referralFlags), not refused
    const breach = checkDecision(referral, input);
    if (breach)
      throw breach.kind === 'conflict'
        ? conflict(breach.message)
        : invalidField(breach.field, breach.message);

    const [decisionColumn, dateColumn] =
      input.stage === NrmStage.REASONABLE_GROUNDS
        ? ['reasonable_grounds_decision', 'reasonable_grounds_decided_on']
        : ['conclusive_grounds_decision', 'conclusive_grounds_decided_on'];
    await execute(em, `UPDATE nrm_referral SET ${decisionColumn} = $2, ${dateColumn} = $3 WHERE id = $1`, [
      referral.id,
      input.decision,
      input.decidedOn,
    ]);
    await em.getRepository(NrmDecisionRecord).insert({
      referralId: referral.id,
      childId: referral.childId,
      localAuthorityId: referral.localAuthorityId,
      stage: input.stage,
      decision: input.decision,
      decidedOn: input.decidedOn,
      recordedBy: ctx.actor.practitionerId,
    });
    const updated = await this.load(ctx, referral.id);
    ctx.audit(AuditAction.UPDATE, ENTITY, updated, {
      stage: input.stage,
      decision: input.decision,
      decidedOn: input.decidedOn,
    });
    await this.events.publish(ctx, {
      type: 'NrmDecisionRecorded',
      childId: referral.childId,
      localAuthorityId: referral.localAuthorityId,
    });
    return updated;
  }

  /** A child's referrals, newest first, batched across the children of a request; each is audited. */
  forChild(ctx: RequestContext, childId: string): Promise<NrmReferralModel[]> {
    return ctx
      .loader(
        'nrm.byChild',
        () =>
          new DataLoader(async (childIds: readonly string[]) => {
            const models = await this.query(ctx, { childIds });
            ctx.auditMany(AuditAction.READ, ENTITY, models);
            return perChild(childIds, models);
          }),
      )
      .load(childId);
  }

  private async load(ctx: RequestContext, id: string): Promise<NrmReferralModel> {
    const [model] = await this.query(ctx, { id });
    if (!model) throw notFound(ENTITY);
    return model;
  }

  private async lockVisible(ctx: RequestContext, id: string): Promise<NrmReferral> {
    if (!isUuid(id)) throw notFound(ENTITY);
    const em = await ctx.em();
    const referral = await em
      .getRepository(NrmReferral)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .andWhere(childScope(ctx.actor, { childId: 'r.child_id', localAuthorityId: 'r.local_authority_id' }))
      .setLock('pessimistic_write')
      .getOne();
    if (!referral) throw notFound(ENTITY);
    return referral;
  }

  /** One referral by id, or the children's. */
  private async query(
    ctx: RequestContext,
    lookup: { id: string } | { childIds: readonly string[] },
  ): Promise<NrmReferralModel[]> {
    const em = await ctx.em();
    const scope = childScope(ctx.actor, { childId: 'r.child_id', localAuthorityId: 'r.local_authority_id' });
    const rows = await queryRows(
      em,
      ReferralRow,
      `SELECT r.*, (SELECT o.nation FROM organisation o WHERE o.id = r.local_authority_id) AS nation, coalesce(
                (SELECT json_agg(json_build_object('stage', d.stage, 'decision', d.decision, 'decidedOn', d.decided_on,
                                                   'recordedAt', d.recorded_at) ORDER BY d.recorded_at DESC, d.id)
                   FROM nrm_decision d WHERE d.referral_id = r.id), '[]') AS decisions
         FROM nrm_referral r
        WHERE ${'id' in lookup ? 'r.id = $1' : 'r.child_id = ANY($1::uuid[])'} AND ${scope}
        ORDER BY r.referred_on DESC, r.recorded_at DESC`,
      ['id' in lookup ? lookup.id : lookup.childIds],
    );
    return rows.map((row) => this.toModel(row));
  }

  private toModel(row: ReferralRow): NrmReferralModel {
    const recorded = {
      nation: row.nation,
      referredOn: row.referred_on,
      reasonableGroundsDecision: row.reasonable_grounds_decision,
      reasonableGroundsDecidedOn: row.reasonable_grounds_decided_on,
      conclusiveGroundsDecision: row.conclusive_grounds_decision,
      conclusiveGroundsDecidedOn: row.conclusive_grounds_decided_on,
    };
    return {
      id: row.id,
      childId: row.child_id,
      localAuthorityId: row.local_authority_id,
      referredOn: row.referred_on,
      firstResponder: row.first_responder,
      competentAuthority: row.competent_authority,
      reasonableGrounds: {
        decision: row.reasonable_grounds_decision,
        decidedOn: row.reasonable_grounds_decided_on,
      },
      reasonableGroundsDueBy: row.reasonable_grounds_due_by,
      conclusiveGrounds: {
        decision: row.conclusive_grounds_decision,
        decidedOn: row.conclusive_grounds_decided_on,
      },
      earliestConclusiveDecisionOn: earliestConclusiveDecision(recorded, row.nation, this.settings),
      flags: referralFlags(recorded, this.settings),
      decisions: row.decisions.map((decision) => ({
        ...decision,
        recordedAt: new Date(decision.recordedAt),
      })),
      recordedAt: row.recorded_at,
    };
  }
}

const ReferralRow = z.object({
  id: z.string(),
  child_id: z.string(),
  local_authority_id: z.string(),
  nation: z.enum(Nation),
  referred_on: z.string(),
  first_responder: z.enum(Agency).nullable(),
  competent_authority: z.enum(NrmCompetentAuthority).nullable(),
  reasonable_grounds_decision: z.enum(NrmDecision),
  reasonable_grounds_decided_on: z.string().nullable(),
  reasonable_grounds_due_by: z.string(),
  conclusive_grounds_decision: z.enum(NrmDecision),
  conclusive_grounds_decided_on: z.string().nullable(),
  recorded_at: z.date(),
  // json_agg: dates and timestamps arrive as text
  decisions: z.array(
    z.object({
      stage: z.enum(NrmStage),
      decision: z.enum(NrmDecision),
      decidedOn: z.string(),
      recordedAt: z.string(),
    }),
  ),
});
type ReferralRow = z.infer<typeof ReferralRow>;
