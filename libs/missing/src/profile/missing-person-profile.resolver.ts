import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, ChildIdArgs, Ctx, Permission, RequestContext } from '@haven/platform';
import { MissingPersonProfileModel } from './missing-person-profile.model';
import { MissingPersonProfileService } from './missing-person-profile.service';
import { UpdateMissingPersonProfileInput } from './update-missing-person-profile.input';

@Resolver(() => MissingPersonProfileModel)
export class MissingPersonProfileResolver {
  constructor(private readonly profiles: MissingPersonProfileService) {}

  @Query(() => MissingPersonProfileModel, {
    description: 'The profile for the police, with the open episode; audited as EXPORT',
  })
  @Allow(Permission.EXPORT_MISSING_PERSON_PROFILE)
  missingPersonProfile(
    @Ctx() ctx: RequestContext,
    @Args() { childId }: ChildIdArgs,
  ): Promise<MissingPersonProfileModel> {
    return this.profiles.export(ctx, childId, 'api');
  }

  @Mutation(() => MissingPersonProfileModel)
  @Allow(Permission.UPDATE_MISSING_PERSON_PROFILE)
  updateMissingPersonProfile(
    @Ctx() ctx: RequestContext,
    @Args('input') input: UpdateMissingPersonProfileInput,
  ): Promise<MissingPersonProfileModel> {
    return this.profiles.update(ctx, input);
  }
}
