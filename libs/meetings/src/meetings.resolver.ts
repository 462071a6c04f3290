import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ChildModel, ChildrenService } from '@haven/children';
import { Allow, Connection, Ctx, ExportLinks, IdArgs, Permission, RequestContext } from '@haven/platform';
import {
  CancelMeetingInput,
  CompleteMeetingActionInput,
  MeetingsArgs,
  RecordMeetingOutcomeInput,
  ScheduleMeetingInput,
} from './dto/meeting.inputs';
import {
  MeetingActionModel,
  MeetingChildModel,
  MeetingConnection,
  MeetingDecisionModel,
  MeetingModel,
} from './meeting.model';
import { MeetingsService, VisibleMeeting } from './meetings.service';

export const MINUTES_LINK_PURPOSE = 'meeting-minutes';

@Resolver(() => MeetingModel)
export class MeetingsResolver {
  constructor(
    private readonly meetingsService: MeetingsService,
    private readonly childrenService: ChildrenService,
    private readonly links: ExportLinks,
  ) {}

  @Query(() => MeetingModel)
  @Allow(Permission.READ_MEETINGS)
  meeting(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<VisibleMeeting> {
    return this.meetingsService.get(ctx, id);
  }

  @Query(() => MeetingConnection)
  @Allow(Permission.READ_MEETINGS)
  meetings(@Ctx() ctx: RequestContext, @Args() args: MeetingsArgs): Promise<Connection<VisibleMeeting>> {
    return this.meetingsService.list(ctx, args);
  }

  @Mutation(() => MeetingModel, {
    description:
      "A MISSING_REVIEW's agenda is every child missing since the last held review (six weeks when none), and every child missing now: live until the outcome is recorded",
  })
  @Allow(Permission.RECORD_MEETING)
  scheduleMeeting(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ScheduleMeetingInput,
  ): Promise<VisibleMeeting> {
    return this.meetingsService.schedule(ctx, input);
  }

  @Mutation(() => MeetingModel, {
    description:
      "Records that the meeting was held; a MISSING_REVIEW's agenda is fixed as of heldAt, and the next review starts there",
  })
  @Allow(Permission.RECORD_MEETING)
  recordMeetingOutcome(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordMeetingOutcomeInput,
  ): Promise<VisibleMeeting> {
    return this.meetingsService.recordOutcome(ctx, input);
  }

  @Mutation(() => MeetingModel)
  @Allow(Permission.RECORD_MEETING)
  cancelMeeting(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CancelMeetingInput,
  ): Promise<VisibleMeeting> {
    return this.meetingsService.cancel(ctx, input);
  }

  @Mutation(() => MeetingActionModel)
  @Allow(Permission.RECORD_MEETING)
  completeMeetingAction(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CompleteMeetingActionInput,
  ): Promise<MeetingActionModel> {
    return this.meetingsService.completeAction(ctx, input);
  }

  @ResolveField(() => [ChildModel], { description: 'The children discussed that the caller may see' })
  @Allow(Permission.READ_MEETINGS)
  async children(@Ctx() ctx: RequestContext, @Parent() meeting: VisibleMeeting): Promise<ChildModel[]> {
    const children = await this.childrenService.loader(ctx).loadMany([...meeting.visibleChildIds]);
    return children.filter((child): child is ChildModel => !!child && !(child instanceof Error));
  }

  @ResolveField(() => [MeetingChildModel], {
    description: 'Why each visible child is on the agenda, and the decision',
  })
  @Allow(Permission.READ_MEETINGS)
  agenda(@Parent() meeting: VisibleMeeting): MeetingChildModel[] {
    return meeting.agenda.filter((child) => meeting.visibleChildIds.has(child.childId));
  }

  @ResolveField(() => [MeetingDecisionModel])
  @Allow(Permission.READ_MEETINGS)
  decisions(@Parent() meeting: VisibleMeeting): MeetingDecisionModel[] {
    return meeting.agenda
      .filter((child) => child.decision !== null && meeting.visibleChildIds.has(child.childId))
      .map((child) => ({
        childId: child.childId,
        localAuthorityId: child.localAuthorityId,
        decision: child.decision!,
      }));
  }

  @ResolveField(() => [MeetingActionModel], {
    description: 'All actions for the host authority; a guardian sees those about their children',
  })
  @Allow(Permission.READ_MEETINGS)
  actions(@Ctx() ctx: RequestContext, @Parent() meeting: VisibleMeeting): MeetingActionModel[] {
    if (ctx.actor.localAuthorityId === meeting.localAuthorityId) return meeting.allActions;
    return meeting.allActions.filter(
      (action) => action.childId !== null && meeting.visibleChildIds.has(action.childId),
    );
  }

  @ResolveField(() => String, {
    description: 'A 30-minute link to printable minutes; each opening is audited as EXPORT',
  })
  @Allow(Permission.EXPORT_MEETING_MINUTES)
  minutesUrl(@Ctx() ctx: RequestContext, @Parent() meeting: VisibleMeeting): string {
    return `/exports/meeting-minutes/${this.links.sign(MINUTES_LINK_PURPOSE, ctx.actor.practitionerId, meeting.id)}`;
  }
}

/** The child a decision, agenda item or action is about, through the audited child loader. */
async function childOf(
  ctx: RequestContext,
  children: ChildrenService,
  childId: string | null,
): Promise<ChildModel | null> {
  return childId ? children.loader(ctx).load(childId) : null;
}

@Resolver(() => MeetingChildModel)
export class MeetingChildResolver {
  constructor(private readonly childrenService: ChildrenService) {}

  @ResolveField(() => ChildModel, { nullable: true })
  @Allow(Permission.READ_MEETINGS)
  child(@Ctx() ctx: RequestContext, @Parent() item: MeetingChildModel): Promise<ChildModel | null> {
    return childOf(ctx, this.childrenService, item.childId);
  }
}

@Resolver(() => MeetingDecisionModel)
export class MeetingDecisionResolver {
  constructor(private readonly childrenService: ChildrenService) {}

  @ResolveField(() => ChildModel, { nullable: true })
  @Allow(Permission.READ_MEETINGS)
  child(@Ctx() ctx: RequestContext, @Parent() decision: MeetingDecisionModel): Promise<ChildModel | null> {
    return childOf(ctx, this.childrenService, decision.childId);
  }
}

@Resolver(() => MeetingActionModel)
export class MeetingActionResolver {
  constructor(private readonly childrenService: ChildrenService) {}

  @ResolveField(() => ChildModel, { nullable: true })
  @Allow(Permission.READ_MEETINGS)
  child(@Ctx() ctx: RequestContext, @Parent() action: MeetingActionModel): Promise<ChildModel | null> {
    return childOf(ctx, this.childrenService, action.childId);
  }
}

@Resolver(() => ChildModel)
export class ChildMeetingsResolver {
  constructor(private readonly meetingsService: MeetingsService) {}

  @ResolveField(() => [MeetingModel], { description: 'Meetings that discussed the child, newest first' })
  @Allow(Permission.READ_CHILD)
  meetings(@Ctx() ctx: RequestContext, @Parent() child: ChildModel): Promise<VisibleMeeting[]> {
    return this.meetingsService.forChild(ctx, child.id);
  }
}
