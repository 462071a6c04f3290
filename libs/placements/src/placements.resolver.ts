import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ChildEdges, ChildModel } from '@haven/children';
import { Allow, Ctx, Permission, RequestContext } from '@haven/platform';
import { EndPlacementInput, StartPlacementInput } from './dto/placement.inputs';
import { PlacementModel } from './placement.model';
import { PlacementsService } from './placements.service';

@Resolver(() => PlacementModel)
export class PlacementsResolver {
  constructor(private readonly placements: PlacementsService) {}

  @Mutation(() => PlacementModel)
  @Allow(Permission.RECORD_PLACEMENT)
  startPlacement(
    @Ctx() ctx: RequestContext,
    @Args('input') input: StartPlacementInput,
  ): Promise<PlacementModel> {
    return this.placements.start(ctx, input);
  }

  @Mutation(() => PlacementModel)
  @Allow(Permission.RECORD_PLACEMENT)
  endPlacement(@Ctx() ctx: RequestContext, @Args('input') input: EndPlacementInput): Promise<PlacementModel> {
    return this.placements.end(ctx, input);
  }

  @ResolveField(() => String, { nullable: true, description: 'Restricted' })
  @Allow(Permission.READ_PLACEMENT_ADDRESS)
  address(@Parent() placement: PlacementModel): string | null {
    return placement.address;
  }
}

@Resolver(() => ChildModel)
export class ChildPlacementsResolver {
  constructor(
    private readonly placementService: PlacementsService,
    edges: ChildEdges,
  ) {
    edges.register(placementService.childEdge);
    edges.register(placementService.currentChildEdge);
  }

  @ResolveField(() => [PlacementModel], { description: 'Newest first' })
  @Allow(Permission.READ_CHILD)
  placements(@Ctx() ctx: RequestContext, @Parent() child: ChildModel): Promise<PlacementModel[]> {
    return this.placementService.forChild(ctx, child.id);
  }

  @ResolveField(() => PlacementModel, { nullable: true })
  @Allow(Permission.READ_CHILD)
  async currentPlacement(
    @Ctx() ctx: RequestContext,
    @Parent() child: ChildModel,
  ): Promise<PlacementModel | null> {
    return this.placementService.currentOf(ctx, child.id);
  }
}
