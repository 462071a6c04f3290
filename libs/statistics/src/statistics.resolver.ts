import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, OrganisationModel, Permission, RequestContext } from '@haven/platform';
import { DashboardInput, DashboardModel } from './dashboard.model';
import { StatisticsService } from './statistics.service';

@Resolver(() => DashboardModel)
export class StatisticsResolver {
  constructor(private readonly statistics: StatisticsService) {}

  @Query(() => DashboardModel, {
    description: 'De-identified figures for a period and authorities; small counts suppressed',
  })
  @Allow(Permission.READ_DASHBOARD)
  dashboard(@Ctx() ctx: RequestContext, @Args('input') input: DashboardInput): Promise<DashboardModel> {
    return this.statistics.dashboard(ctx, input);
  }

  @Query(() => [OrganisationModel], {
    description:
      "The local authorities the caller may ask the dashboard for, by name: an analyst's partnership's (the token's las), staff's own",
  })
  @Allow(Permission.READ_DASHBOARD)
  dashboardAuthorities(@Ctx() ctx: RequestContext): Promise<OrganisationModel[]> {
    return this.statistics.availableAuthorities(ctx);
  }
}
