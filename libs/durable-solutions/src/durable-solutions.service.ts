import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { ChildrenService } from '@haven/children';
import {
  AuditAction,
  childScope,
  conflict,
  DomainEvents,
  IdRow,
  invalidField,
  perChild,
  queryRow,
  queryRows,
  RequestContext,
} from '@haven/platform';
import { z } from 'zod';
import { DurableSolutionOption, DurableSolutionStatus } from './durable-solution.enums';
import { DurableSolutionRecorded } from './durable-solution.events';
import { DurableSolutionModel } from './durable-solution.model';
import { RecordDurableSolutionInput } from './record-durable-solution.input';

const SecuredRow = z.object({ secured: z.boolean() });

const ENTITY = 'DurableSolution';

@Injectable()
export class DurableSolutionsService {
  constructor(
    private readonly children: ChildrenService,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Records the outcome of a best-interests assessment, keeping every earlier record. A return to the
   * country of origin is never SECURED without a recorded risk assessment and best-interests
   * assessment (a database check holds the same rule).
   */
  async record(ctx: RequestContext, input: RecordDurableSolutionInput): Promise<DurableSolutionModel> {
    const secured = input.status === DurableSolutionStatus.SECURED;
    if (secured && !input.securedOn)
      throw invalidField('securedOn', 'securedOn is required when the solution is SECURED');
    if (!secured && input.securedOn)
      throw invalidField('securedOn', 'securedOn is only for a SECURED solution');
    if (input.securedOn && input.assessedOn && input.securedOn < input.assessedOn) {
      throw invalidField('securedOn', 'securedOn cannot be before assessedOn');
    }
    if (secured && input.option === DurableSolutionOption.RETURN_TO_COUNTRY_OF_ORIGIN) {
      const missing = [
        input.riskAssessmentCompleted ? null : 'a risk and security assessment',
        input.bestInterestsAssessmentCompleted ? null : 'a best-interests assessment',
      ].filter(Boolean);
      if (missing.length > 0) {
        throw conflict(`A return to the country of origin is never secured without ${missing.join(' and ')}`);
      }
    }
    const child = await this.children.requireVisible(ctx, input.childId);
    const em = await ctx.em();
    const { id } = await queryRow(
      em,
      IdRow,
      `INSERT INTO durable_solution (child_id, local_authority_id, option, status, assessed_on, secured_on, basis,
                                     risk_assessment_completed, best_interests_assessment_completed, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        child.id,
        child.localAuthorityId,
        input.option,
        input.status,
        input.assessedOn ?? null,
        input.securedOn ?? null,
        input.basis ?? null,
        input.riskAssessmentCompleted ?? false,
        input.bestInterestsAssessmentCompleted ?? false,
        ctx.actor.practitionerId,
      ],
    );
    const { secured: nowSecured } = await queryRow(
      em,
      SecuredRow,
      'SELECT haven_has_secured_solution($1) AS secured',
      [child.id],
    );
    const [model] = await this.query(ctx, { id });
    ctx.audit(AuditAction.CREATE, ENTITY, model);
    const event: DurableSolutionRecorded = {
      type: 'DurableSolutionRecorded',
      childId: child.id,
      localAuthorityId: child.localAuthorityId,
      secured: nowSecured,
    };
    await this.events.publish(ctx, event);
    return model;
  }

  /** A child's durable-solution records, newest first; batched per request and audited as read. */
  forChild(ctx: RequestContext, childId: string): Promise<DurableSolutionModel[]> {
    return ctx
      .loader(
        'durableSolutions.byChild',
        () =>
          new DataLoader(async (childIds: readonly string[]) => {
            const models = await this.query(ctx, { childIds });
            ctx.auditMany(AuditAction.READ, ENTITY, models);
            return perChild(childIds, models);
          }),
      )
      .load(childId);
  }

  private async query(ctx: RequestContext, lookup: DurableSolutionLookup): Promise<DurableSolutionModel[]> {
    const em = await ctx.em();
    const [where, param] =
      'id' in lookup ? ['d.id = $1', lookup.id] : ['d.child_id = ANY($1::uuid[])', lookup.childIds];
    const scope = childScope(ctx.actor, { childId: 'd.child_id', localAuthorityId: 'd.local_authority_id' });
    const rows = await queryRows(
      em,
      Row,
      `SELECT d.* FROM durable_solution d WHERE ${where} AND ${scope} ORDER BY d.recorded_at DESC, d.id DESC`,
      [param],
    );
    return rows.map((row) => ({
      id: row.id,
      childId: row.child_id,
      localAuthorityId: row.local_authority_id,
      option: row.option,
      status: row.status,
      assessedOn: row.assessed_on,
      securedOn: row.secured_on,
      basis: row.basis,
      riskAssessmentCompleted: row.risk_assessment_completed,
      bestInterestsAssessmentCompleted: row.best_interests_assessment_completed,
      recordedAt: row.recorded_at,
    }));
  }
}

/** The lookups the service does: one record by its id, or every record of some children. */
type DurableSolutionLookup = { id: string } | { childIds: readonly string[] };

const Row = z.object({
  id: z.string(),
  child_id: z.string(),
  local_authority_id: z.string(),
  option: z.enum(DurableSolutionOption),
  status: z.enum(DurableSolutionStatus),
  assessed_on: z.string().nullable(),
  secured_on: z.string().nullable(),
  basis: z.string().nullable(),
  risk_assessment_completed: z.boolean(),
  best_interests_assessment_completed: z.boolean(),
  recorded_at: z.date(),
});
