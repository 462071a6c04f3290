import { Args, ArgsType, Field, Query, Resolver } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { Allow } from '../access/allow.decorator';
import { Permission } from '../access/permission';
import { Ctx } from '../context/current-context.decorator';
import { RequestContext } from '../context/request-context';
import { PractitionerModel } from './practitioner.model';
import { PractitionersService } from './practitioners.service';
import { Role } from './role';

@ArgsType()
class PractitionersArgs {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;
}

@Resolver(() => PractitionerModel)
export class PractitionersResolver {
  constructor(private readonly practitionerService: PractitionersService) {}

  @Query(() => PractitionerModel, { description: 'The caller, as the service knows them' })
  @Allow(Permission.READ_OWN_PROFILE)
  me(@Ctx() ctx: RequestContext): Promise<PractitionerModel> {
    return this.practitionerService.me(ctx);
  }

  @Query(() => [PractitionerModel], {
    description: 'Practitioners the caller may see, e.g. guardians to assign',
  })
  @Allow(Permission.LIST_PRACTITIONERS)
  practitioners(@Ctx() ctx: RequestContext, @Args() args: PractitionersArgs): Promise<PractitionerModel[]> {
    return this.practitionerService.list(ctx, args.role);
  }
}
