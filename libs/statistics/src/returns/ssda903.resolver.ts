import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext } from '@haven/platform';
import { Ssda903ExportInput, Ssda903ExportModel } from './ssda903.model';
import { Ssda903Service } from './ssda903.service';

@Resolver(() => Ssda903ExportModel)
export class Ssda903Resolver {
  constructor(private readonly ssda903: Ssda903Service) {}

  @Query(() => Ssda903ExportModel, {
    description: 'The SSDA903 Missing and UASC tables for a year, with validation; audited as EXPORT',
  })
  @Allow(Permission.EXPORT_SSDA903)
  ssda903Export(
    @Ctx() ctx: RequestContext,
    @Args('input') input: Ssda903ExportInput,
  ): Promise<Ssda903ExportModel> {
    return this.ssda903.export(ctx, input);
  }
}
