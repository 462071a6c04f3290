import { Injectable } from '@nestjs/common';
import { Args, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import {
  Allow,
  AuditAction,
  ChildIdArgs,
  Clock,
  Ctx,
  GraphQLDateTime,
  Permission,
  RequestContext,
} from '@haven/platform';
import { ChildModel } from '../child.model';
import { ChildrenService } from '../children.service';

/** Every table that holds something about a child, and how to find its rows (subject access). */
const SECTIONS: Record<string, string> = {
  child: `SELECT * FROM child WHERE id = $1`,
  nrmReferrals: `SELECT * FROM nrm_referral WHERE child_id = $1 ORDER BY referred_on`,
  nrmDecisions: `SELECT * FROM nrm_decision WHERE child_id = $1 ORDER BY recorded_at`,
  guardianAssignments: `SELECT * FROM guardian_assignment WHERE child_id = $1 ORDER BY start_date`,
  guardianContacts: `SELECT * FROM guardian_contact WHERE child_id = $1 ORDER BY contacted_at`,
  ageAssessments: `SELECT * FROM age_assessment WHERE child_id = $1 ORDER BY raised_on`,
  placements: `SELECT * FROM placement WHERE child_id = $1 ORDER BY started_at`,
  missingEpisodes: `SELECT * FROM missing_episode WHERE child_id = $1 ORDER BY missing_since`,
  missingPersonProfile: `SELECT * FROM missing_person_profile WHERE child_id = $1`,
  durableSolutions: `SELECT * FROM durable_solution WHERE child_id = $1 ORDER BY recorded_at`,
  alerts: `SELECT * FROM alert WHERE child_id = $1 ORDER BY raised_at`,
  meetings: `SELECT m.id, m.type, m.status, m.scheduled_for, m.held_at, mc.added_because, mc.decision
               FROM meeting_child mc JOIN meeting m ON m.id = mc.meeting_id WHERE mc.child_id = $1 ORDER BY m.scheduled_for`,
  meetingActions: `SELECT * FROM meeting_action WHERE child_id = $1 ORDER BY due_on`,
  turnedEighteenWithoutSolution: `SELECT * FROM turned_18_without_solution WHERE child_id = $1`,
  auditTrail: `SELECT seq, at, practitioner_id, request_id, action, entity, entity_id FROM audit_event WHERE child_id = $1 ORDER BY seq`,
};

@ObjectType('ChildRecordExport')
export class ChildRecordExportModel {
  @Field(() => ChildModel)
  child!: ChildModel;

  @Field(() => GraphQLDateTime)
  exportedAt!: Date;

  @Field(() => [String], { description: 'The sections the document holds' })
  sections!: string[];

  @Field({ description: 'Everything held on the child, one JSON document keyed by section' })
  document!: string;
}

/** A subject access request: everything the service holds on one child, for a team manager, audited. */
@Injectable()
export class ChildRecordExportService {
  constructor(
    private readonly children: ChildrenService,
    private readonly clock: Clock,
  ) {}

  async export(ctx: RequestContext, childId: string): Promise<ChildRecordExportModel> {
    const visible = await this.children.findVisible(ctx, childId);
    const em = await ctx.em();
    const document: Record<string, unknown> = {};
    for (const [section, sql] of Object.entries(SECTIONS)) {
      document[section] = await em.query<Record<string, unknown>[]>(sql, [visible.id]);
    }
    ctx.audit(AuditAction.EXPORT, 'ChildRecord', visible, { sections: Object.keys(SECTIONS) });
    return {
      child: await this.children.get(ctx, visible.id),
      exportedAt: this.clock.now(),
      sections: Object.keys(SECTIONS),
      document: JSON.stringify(document),
    };
  }
}

@Resolver(() => ChildRecordExportModel)
export class ChildRecordExportResolver {
  constructor(private readonly exports: ChildRecordExportService) {}

  @Query(() => ChildRecordExportModel, {
    description: 'Everything held on one child (subject access); audited as EXPORT',
  })
  @Allow(Permission.EXPORT_CHILD_RECORD)
  exportChildRecord(
    @Ctx() ctx: RequestContext,
    @Args() { childId }: ChildIdArgs,
  ): Promise<ChildRecordExportModel> {
    return this.exports.export(ctx, childId);
  }
}
