import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { EntityManager } from 'typeorm';
import { ChildrenService } from '@haven/children';
import {
  AuditAction,
  conflict,
  invalidField,
  IsoDate,
  RequestContext,
  lockVisibleRecord,
  scopedRecords,
  perChild,
} from '@haven/platform';
import { AgeAssessment } from './age-assessment.entity';
import { AgeAssessmentOutcome, AgeAssessmentStatus, AgeDeterminedBy } from './age-assessment.enums';
import { AgeAssessmentModel } from './age-assessment.model';
import { assessedDateOfBirth, missingSafeguards } from './age-assessment-rules';
import {
  ChallengeAgeAssessmentInput,
  FinaliseAgeAssessmentInput,
  RaiseAgeDisputeInput,
  RecordAgeAssessmentOutcomeInput,
  StartAgeAssessmentInput,
} from './dto/age-assessment.inputs';

const ENTITY = 'AgeAssessment';
const ONE_OPEN = 'age_assessment_one_open_idx';
const { RAISED, IN_PROGRESS, COMPLETED, CHALLENGED, FINAL } = AgeAssessmentStatus;

/**
 * Age disputes and their assessments. The child's effective date of birth and `ageDisputed` flag
 * follow from the assessments in the database itself (triggers), whatever path writes them.
 */
@Injectable()
export class AgeAssessmentService {
  constructor(private readonly children: ChildrenService) {}

  async raise(ctx: RequestContext, input: RaiseAgeDisputeInput): Promise<AgeAssessmentModel> {
    const child = await this.children.requireVisible(ctx, input.childId);
    const em = await ctx.em();
    const [{ id }] = await this.guardOneOpen(() =>
      em.query<{ id: string }[]>(
        `INSERT INTO age_assessment (child_id, local_authority_id, raised_on, raised_by, reason, claimed_date_of_birth, created_by)
         SELECT c.id, c.local_authority_id, $2, $3, $4, c.claimed_date_of_birth, $5 FROM child c WHERE c.id = $1
         RETURNING id`,
        [child.id, input.raisedOn, input.raisedBy, input.reason ?? null, ctx.actor.practitionerId],
      ),
    );
    return this.written(ctx, id, AuditAction.CREATE);
  }

  async start(ctx: RequestContext, input: StartAgeAssessmentInput): Promise<AgeAssessmentModel> {
    const em = await ctx.em();
    const assessment = await this.lockVisible(ctx, em, input.assessmentId);
    this.expectStatus(assessment, [RAISED], 'start');
    this.notBefore('startedOn', input.startedOn, assessment.raisedOn, 'the dispute was raised');
    await em.query(`UPDATE age_assessment SET status = 'IN_PROGRESS', started_on = $2 WHERE id = $1`, [
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
    const [child] = await em.query<{ claimed_date_of_birth: IsoDate | null; interpreter_needed: boolean }[]>(
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
    await em.query(
      `UPDATE age_assessment
          SET status = 'COMPLETED', outcome = $2, assessed_date_of_birth = $3, completed_on = $4, two_assessors = $5,
              appropriate_adult = $6, interpreter_used = $7, adverse_points_put = $8, written_reasons = $9,
              final_determined_by = 'LOCAL_AUTHORITY'
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
    return this.written(ctx, assessment.id, AuditAction.UPDATE, {
      outcome: input.outcome,
      assessedDateOfBirth: assessed.date,
    });
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
      em.query(
        `UPDATE age_assessment SET status = 'CHALLENGED', challenged_on = $2, challenge_notes = $3 WHERE id = $1`,
        [assessment.id, input.challengedOn, input.notes ?? null],
      ),
    );
    return this.written(ctx, assessment.id, AuditAction.UPDATE, { status: CHALLENGED });
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
    await em.query(
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
    return this.written(ctx, assessment.id, AuditAction.UPDATE, {
      status: FINAL,
      outcome,
      assessedDateOfBirth: date,
    });
  }

  /** A child's assessments, newest first, batched per request and audited as read. */
  forChild(ctx: RequestContext, childId: string): Promise<AgeAssessmentModel[]> {
    return ctx
      .loader(
        'ageAssessment.byChild',
        () =>
          new DataLoader(async (childIds: readonly string[]) => {
            const models = await this.query(ctx, 'a.child_id = ANY(:childIds)', { childIds });
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
    const [model] = await this.query(ctx, 'a.id = :id', { id });
    ctx.audit(action, ENTITY, model, detail);
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

  private async guardOneOpen<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if ((error as { constraint?: string }).constraint === ONE_OPEN) {
        throw conflict('The child already has an unresolved age dispute');
      }
      throw error;
    }
  }

  private lockVisible(ctx: RequestContext, em: EntityManager, id: string): Promise<AgeAssessment> {
    return lockVisibleRecord(em, AgeAssessment, 'a', ctx.actor, id, ENTITY);
  }

  private scoped(ctx: RequestContext, em: EntityManager) {
    return scopedRecords(em, AgeAssessment, 'a', ctx.actor);
  }

  private async query(
    ctx: RequestContext,
    where: string,
    params: Record<string, unknown>,
  ): Promise<AgeAssessmentModel[]> {
    const em = await ctx.em();
    const rows = await this.scoped(ctx, em)
      .andWhere(where, params)
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
