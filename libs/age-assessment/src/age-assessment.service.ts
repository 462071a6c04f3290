import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { EntityManager, FindOptionsWhere, In } from 'typeorm';
import { CaseClosure, CaseClosureChecks, CaseClosureReason, ChildrenService } from '@haven/children';
import {
  AuditAction,
  conflict,
  conflictsByConstraint,
  DomainEvents,
  execute,
  IdRow,
  invalidField,
  IsoDate,
  isUuid,
  lockVisibleRecord,
  notFound,
  perChild,
  queryMaybeRow,
  queryRow,
  RequestContext,
  scopedRecords,
} from '@haven/platform';
import { z } from 'zod';
import { AgeAssessment } from './age-assessment.entity';
import { AgeAssessmentOutcome, AgeAssessmentStatus, AgeDeterminedBy } from './age-assessment.enums';
import { AgeAssessmentModel } from './age-assessment.model';
import { AgeAssessmentChanged } from './age-assessment.events';
import {
  adultClosureRefusal,
  AgeDecision,
  assessedDateOfBirth,
  missingSafeguards,
  OpenDispute,
  openDisputeReason,
} from './age-assessment-rules';
import {
  ChallengeAgeAssessmentInput,
  FinaliseAgeAssessmentInput,
  RaiseAgeDisputeInput,
  RecordAgeAssessmentOutcomeInput,
  StartAgeAssessmentInput,
} from './dto/age-assessment.inputs';

const ClaimRow = z.object({ claimed_date_of_birth: z.string().nullable(), interpreter_needed: z.boolean() });

const ENTITY = 'AgeAssessment';
const ONE_OPEN = 'age_assessment_one_open_idx';
const { RAISED, IN_PROGRESS, COMPLETED, CHALLENGED, FINAL } = AgeAssessmentStatus;

const OpenDisputeRow = z.object({
  status: z.enum(AgeAssessmentStatus),
  raisedOn: z.string(),
  completedOn: z.string().nullable(),
  challengedOn: z.string().nullable(),
}) satisfies z.ZodType<OpenDispute>;

const AgeDecisionRow = z.object({
  outcome: z.enum(AgeAssessmentOutcome),
  assessedDateOfBirth: z.string(),
  decidedOn: z.string(),
  byCourt: z.boolean(),
}) satisfies z.ZodType<AgeDecision>;

/**
 * Age disputes and their assessments. The child's effective date of birth and `ageDisputed` flag
 * follow from the assessments in the database itself (triggers), whatever path writes them. Every
 * change locks the child's row first, as closing a case does: a case cannot be closed as an adult's
 * while a dispute is being raised or an outcome challenged.
 */
@Injectable()
export class AgeAssessmentService {
  constructor(
    private readonly children: ChildrenService,
    private readonly events: DomainEvents,
    closureChecks: CaseClosureChecks,
  ) {
    closureChecks.register({
      reasons: [CaseClosureReason.AGE_ASSESSED_ADULT, CaseClosureReason.TURNED_18_TO_LEAVING_CARE],
      refusal: (em, closure) => this.closureRefusal(em, closure),
    });
  }

  /**
   * Whether the age decisions allow the case to close so: while a dispute is open or challenged the
   * person is a child (so neither found an adult nor 18); AGE_ASSESSED_ADULT needs the decision that
   * stands to be an adult one. Runs with the child's row locked by closeCase.
   */
  async closureRefusal(em: EntityManager, closure: CaseClosure): Promise<string | null> {
    const open = await queryMaybeRow(
      em,
      OpenDisputeRow,
      `SELECT status, raised_on AS "raisedOn", completed_on AS "completedOn", challenged_on AS "challengedOn"
         FROM open_age_assessment WHERE child_id = $1`,
      [closure.childId],
    );
    if (closure.reason === CaseClosureReason.TURNED_18_TO_LEAVING_CARE) {
      return open
        ? `${openDisputeReason(open)}, so the case cannot be closed as TURNED_18_TO_LEAVING_CARE`
        : null;
    }
    const decision = await queryMaybeRow(
      em,
      AgeDecisionRow,
      `SELECT outcome, assessed_date_of_birth AS "assessedDateOfBirth", decided_on AS "decidedOn", by_court AS "byCourt"
         FROM haven_age_decision($1)`,
      [closure.childId],
    );
    return adultClosureRefusal(open ?? null, decision ?? null, closure.closedOn);
  }

  async raise(ctx: RequestContext, input: RaiseAgeDisputeInput): Promise<AgeAssessmentModel> {
    const child = await this.children.requireVisible(ctx, input.childId);
    const em = await ctx.em();
    const { id } = await this.guardOneOpen(() =>
      queryRow(
        em,
        IdRow,
        `INSERT INTO age_assessment (child_id, local_authority_id, raised_on, raised_by, reason, claimed_date_of_birth, created_by)
         SELECT c.id, c.local_authority_id, $2, $3, $4, c.claimed_date_of_birth, $5 FROM child c WHERE c.id = $1
         RETURNING id`,
        [child.id, input.raisedOn, input.raisedBy, input.reason ?? null, ctx.actor.practitionerId],
      ),
    );
    const model = await this.written(ctx, id, AuditAction.CREATE);
    await this.changed(ctx, model);
    return model;
  }

  async start(ctx: RequestContext, input: StartAgeAssessmentInput): Promise<AgeAssessmentModel> {
    const em = await ctx.em();
    const assessment = await this.lockVisible(ctx, em, input.assessmentId);
    this.expectStatus(assessment, [RAISED], 'start');
    this.notBefore('startedOn', input.startedOn, assessment.raisedOn, 'the dispute was raised');
    await execute(em, `UPDATE age_assessment SET status = 'IN_PROGRESS', started_on = $2 WHERE id = $1`, [
      assessment.id,
      input.startedOn,
    ]);
    return this.written(ctx, assessment.id, AuditAction.UPDATE, { status: IN_PROGRESS });
  }

  /**
   * Completes an assessment. An adult determination is refused unless every safeguard of a lawful
   * (Merton-compliant) assessment is recorded as met: wrongly treating a child as an adult is the
   * harm this prevents.
   */
  async recordOutcome(
    ctx: RequestContext,
    input: RecordAgeAssessmentOutcomeInput,
  ): Promise<AgeAssessmentModel> {
    const em = await ctx.em();
    const assessment = await this.lockVisible(ctx, em, input.assessmentId);
    this.expectStatus(assessment, [RAISED, IN_PROGRESS], 'record an outcome for');
    this.notBefore(
      'completedOn',
      input.completedOn,
      assessment.startedOn ?? assessment.raisedOn,
      'the assessment began',
    );
    const child = await queryRow(
      em,
      ClaimRow,
      'SELECT claimed_date_of_birth, interpreter_needed FROM child WHERE id = $1',
      [assessment.childId],
    );
    const assessed = assessedDateOfBirth(
      {
        outcome: input.outcome,
        assessedDateOfBirth: input.assessedDateOfBirth ?? null,
        completedOn: input.completedOn,
      },
      child.claimed_date_of_birth,
    );
    if ('field' in assessed) throw invalidField(assessed.field, assessed.message);
    const safeguards = input.safeguards ?? {};
    if (input.outcome === AgeAssessmentOutcome.ASSESSED_ADULT) {
      const missing = missingSafeguards(safeguards, child.interpreter_needed);
      if (missing.length > 0) {
        throw conflict(
          `An adult determination needs every safeguard of a lawful assessment; not recorded as met: ${missing.join('; ')}`,
        );
      }
    }
    // the local authority's own outcome is kept beside the one that stands, whatever a court decides later
    await execute(
      em,
      `UPDATE age_assessment
          SET status = 'COMPLETED', outcome = $2, assessed_date_of_birth = $3, completed_on = $4, two_assessors = $5,
              appropriate_adult = $6, interpreter_used = $7, adverse_points_put = $8, written_reasons = $9,
              final_determined_by = 'LOCAL_AUTHORITY', local_outcome = $2, local_assessed_date_of_birth = $3
        WHERE id = $1`,
      [
        assessment.id,
        input.outcome,
        assessed.date,
        input.completedOn,
        safeguards.twoAssessors ?? null,
        safeguards.appropriateAdult ?? null,
        safeguards.interpreterUsed ?? null,
        safeguards.adversePointsPut ?? null,
        safeguards.writtenReasons ?? null,
      ],
    );
    return this.changed(
      ctx,
      await this.written(ctx, assessment.id, AuditAction.UPDATE, {
        outcome: input.outcome,
        assessedDateOfBirth: assessed.date,
      }),
    );
  }

  /** A judicial review: the dispute is unresolved again, and the person is treated as a child meanwhile. */
  async challenge(ctx: RequestContext, input: ChallengeAgeAssessmentInput): Promise<AgeAssessmentModel> {
    const em = await ctx.em();
    const assessment = await this.lockVisible(ctx, em, input.assessmentId);
    this.expectStatus(assessment, [COMPLETED], 'challenge');
    this.notBefore(
      'challengedOn',
      input.challengedOn,
      assessment.completedOn!,
      'the assessment was completed',
    );
    await this.guardOneOpen(() =>
      execute(
        em,
        `UPDATE age_assessment SET status = 'CHALLENGED', challenged_on = $2, challenge_notes = $3 WHERE id = $1`,
        [assessment.id, input.challengedOn, input.notes ?? null],
      ),
    );
    return this.changed(
      ctx,
      await this.written(ctx, assessment.id, AuditAction.UPDATE, { status: CHALLENGED }),
    );
  }

  /** Makes an outcome final; after a challenge, the court's determination may replace it. */
  async finalise(ctx: RequestContext, input: FinaliseAgeAssessmentInput): Promise<AgeAssessmentModel> {
    const em = await ctx.em();
    const assessment = await this.lockVisible(ctx, em, input.assessmentId);
    this.expectStatus(assessment, [COMPLETED, CHALLENGED], 'finalise');
    this.notBefore(
      'finalisedOn',
      input.finalisedOn,
      assessment.challengedOn ?? assessment.completedOn!,
      'the last step',
    );
    const byCourt = assessment.status === CHALLENGED;
    let outcome = assessment.outcome;
    let date = assessment.assessedDateOfBirth;
    if (input.courtOutcome) {
      if (!byCourt)
        throw invalidField('courtOutcome', 'Only a challenged assessment is determined by a court');
      const assessed = assessedDateOfBirth(
        {
          outcome: input.courtOutcome,
          assessedDateOfBirth: input.courtAssessedDateOfBirth ?? null,
          completedOn: input.finalisedOn,
        },
        assessment.claimedDateOfBirth,
      );
      if ('field' in assessed) throw invalidField(`court${capitalise(assessed.field)}`, assessed.message);
      outcome = input.courtOutcome;
      date = assessed.date;
    }
    await execute(
      em,
      `UPDATE age_assessment SET status = 'FINAL', finalised_on = $2, outcome = $3, assessed_date_of_birth = $4,
              final_determined_by = $5 WHERE id = $1`,
      [
        assessment.id,
        input.finalisedOn,
        outcome,
        date,
        byCourt ? AgeDeterminedBy.COURT : AgeDeterminedBy.LOCAL_AUTHORITY,
      ],
    );
    return this.changed(
      ctx,
      await this.written(ctx, assessment.id, AuditAction.UPDATE, {
        status: FINAL,
        outcome,
        assessedDateOfBirth: date,
      }),
    );
  }

  /** A child's assessments, newest first, batched per request and audited as read. */
  forChild(ctx: RequestContext, childId: string): Promise<AgeAssessmentModel[]> {
    return ctx
      .loader(
        'ageAssessment.byChild',
        () =>
          new DataLoader(async (childIds: readonly string[]) => {
            const models = await this.query(ctx, { childId: In(childIds) });
            ctx.auditMany(AuditAction.READ, ENTITY, models);
            return perChild(childIds, models);
          }),
      )
      .load(childId);
  }

  private async written(
    ctx: RequestContext,
    id: string,
    action: AuditAction,
    detail?: Record<string, unknown>,
  ): Promise<AgeAssessmentModel> {
    const [model] = await this.query(ctx, { id });
    ctx.audit(action, ENTITY, model, detail);
    return model;
  }

  /** Tells the capabilities that react (unsafe placements, in the alert engine) in this transaction. */
  private async changed(ctx: RequestContext, model: AgeAssessmentModel): Promise<AgeAssessmentModel> {
    const event: AgeAssessmentChanged = {
      type: 'AgeAssessmentChanged',
      childId: model.childId,
      localAuthorityId: model.localAuthorityId,
      assessmentId: model.id,
      status: model.status,
    };
    await this.events.publish(ctx, event);
    return model;
  }

  private expectStatus(assessment: AgeAssessment, allowed: AgeAssessmentStatus[], verb: string): void {
    if (!allowed.includes(assessment.status)) {
      throw conflict(`Cannot ${verb} an age assessment that is ${assessment.status}`);
    }
  }

  private notBefore(field: string, date: IsoDate, earliest: IsoDate, what: string): void {
    if (date < earliest) throw invalidField(field, `${field} cannot be before ${what} (${earliest})`);
  }

  private guardOneOpen<T>(write: () => Promise<T>): Promise<T> {
    return conflictsByConstraint({ [ONE_OPEN]: 'The child already has an unresolved age dispute' }, write);
  }

  /** The assessment, locked after its child's row (the order closeCase locks in). */
  private async lockVisible(ctx: RequestContext, em: EntityManager, id: string): Promise<AgeAssessment> {
    const found = isUuid(id) ? await this.scoped(ctx, em).andWhere('a.id = :id', { id }).getOne() : null;
    if (!found) throw notFound(ENTITY);
    await this.children.requireVisible(ctx, found.childId);
    return lockVisibleRecord(em, AgeAssessment, 'a', ctx.actor, id, ENTITY);
  }

  private scoped(ctx: RequestContext, em: EntityManager) {
    return scopedRecords(em, AgeAssessment, 'a', ctx.actor);
  }

  private async query(
    ctx: RequestContext,
    where: FindOptionsWhere<AgeAssessment>,
  ): Promise<AgeAssessmentModel[]> {
    const em = await ctx.em();
    const rows = await this.scoped(ctx, em)
      .andWhere(where)
      .orderBy('a.raised_on', 'DESC')
      .addOrderBy('a.created_at', 'DESC')
      .getMany();
    return rows.map(toModel);
  }
}

function toModel(row: AgeAssessment): AgeAssessmentModel {
  return {
    id: row.id,
    childId: row.childId,
    localAuthorityId: row.localAuthorityId,
    raisedOn: row.raisedOn,
    raisedBy: row.raisedBy,
    reason: row.reason,
    claimedDateOfBirth: row.claimedDateOfBirth,
    status: row.status,
    startedOn: row.startedOn,
    outcome: row.outcome,
    assessedDateOfBirth: row.assessedDateOfBirth,
    completedOn: row.completedOn,
    localAuthorityOutcome:
      row.localOutcome ?? (row.finalDeterminedBy === AgeDeterminedBy.COURT ? null : row.outcome),
    localAuthorityAssessedDateOfBirth:
      row.localAssessedDateOfBirth ??
      (row.finalDeterminedBy === AgeDeterminedBy.COURT ? null : row.assessedDateOfBirth),
    safeguards: {
      twoAssessors: row.twoAssessors,
      appropriateAdult: row.appropriateAdult,
      interpreterUsed: row.interpreterUsed,
      adversePointsPut: row.adversePointsPut,
      writtenReasons: row.writtenReasons,
    },
    challengedOn: row.challengedOn,
    challengeNotes: row.challengeNotes,
    finalisedOn: row.finalisedOn,
    determinedBy: row.finalDeterminedBy,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
