import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ChildEdges, ChildModel } from '@haven/children';
import { Allow, Ctx, Permission, RequestContext } from '@haven/platform';
import {
  ChildMissingEpisodesArgs,
  RecordReturnInput,
  RecordReturnInterviewInput,
  ReportMissingInput,
} from './dto/missing.inputs';
import { MissingEpisodeModel, ReturnInterviewModel } from './missing-episode.model';
import { MissingService } from './missing.service';

@Resolver(() => MissingEpisodeModel)
export class MissingResolver {
  constructor(private readonly missing: MissingService) {}

  @Mutation(() => MissingEpisodeModel, { description: "By the child's social worker or active guardian" })
  @Allow(Permission.REPORT_MISSING)
  reportMissing(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ReportMissingInput,
  ): Promise<MissingEpisodeModel> {
    return this.missing.report(ctx, input);
  }

  @Mutation(() => MissingEpisodeModel)
  @Allow(Permission.RECORD_RETURN)
  recordReturn(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordReturnInput,
  ): Promise<MissingEpisodeModel> {
    return this.missing.recordReturn(ctx, input);
  }

  @Mutation(() => MissingEpisodeModel)
  @Allow(Permission.RECORD_RETURN)
  recordReturnInterview(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordReturnInterviewInput,
  ): Promise<MissingEpisodeModel> {
    return this.missing.recordReturnInterview(ctx, input);
  }
}

@Resolver(() => ReturnInterviewModel)
export class ReturnInterviewResolver {
  @ResolveField(() => String, { nullable: true, description: 'Restricted: findings and disclosures' })
  @Allow(Permission.READ_RETURN_INTERVIEW_FINDINGS)
  findings(@Parent() interview: ReturnInterviewModel): string | null {
    return interview.findings;
  }
}

@Resolver(() => ChildModel)
export class ChildMissingResolver {
  constructor(
    private readonly missingService: MissingService,
    edges: ChildEdges,
  ) {
    edges.register(missingService.episodesEdge);
    edges.register(missingService.currentlyMissingEdge);
  }

  @ResolveField(() => [MissingEpisodeModel], { description: 'Newest first' })
  @Allow(Permission.READ_CHILD)
  missingEpisodes(
    @Ctx() ctx: RequestContext,
    @Parent() child: ChildModel,
    @Args() { first }: ChildMissingEpisodesArgs,
  ): Promise<MissingEpisodeModel[]> {
    return this.missingService.forChild(ctx, child.id, first);
  }

  @ResolveField(() => Boolean)
  @Allow(Permission.READ_CHILD)
  currentlyMissing(@Ctx() ctx: RequestContext, @Parent() child: ChildModel): Promise<boolean> {
    return this.missingService.isMissing(ctx, child.id);
  }
}
