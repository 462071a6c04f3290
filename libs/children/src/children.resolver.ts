import { Args, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import {
  Allow,
  ageOn,
  Clock,
  Connection,
  Ctx,
  GraphQLDate,
  IdArgs,
  OrganisationModel,
  OrganisationRow,
  OrganisationsService,
  parseRow,
  Permission,
  PractitionerModel,
  practitionerJson,
  PractitionersService,
  RequestContext,
  selectedNodeFields,
} from '@haven/platform';
import { z } from 'zod';
import { ImmigrationStatus, NrmCategory, nrmCategories } from './child.enums';
import { ChildEdges } from './child-edges';
import { ChildConnection, ChildModel } from './child.model';
import { ChildrenService } from './children.service';
import { ChildrenArgs } from './dto/children.args';
import { retainUntilLoader, retainUntilSql } from './export/retention';
import { CloseCaseInput, ReopenCaseInput } from './dto/close-case.input';
import { RegisterChildInput } from './dto/register-child.input';
import { UpdateChildInput } from './dto/update-child.input';

const RetainUntilValue = z.string().nullable();

@Resolver(() => ChildModel)
export class ChildrenResolver {
  constructor(
    private readonly childrenService: ChildrenService,
    private readonly edges: ChildEdges,
    private readonly organisations: OrganisationsService,
    private readonly practitioners: PractitionersService,
    private readonly clock: Clock,
  ) {
    edges.register({
      fields: ['localAuthority'],
      select: () =>
        'SELECT to_jsonb(o) FROM (SELECT id, code, name, kind, nation FROM organisation WHERE id = c.local_authority_id) o',
      prime: (ctx, _childId, value) => {
        const organisation = parseRow(OrganisationRow, value, 'the localAuthority edge');
        organisations.loader(ctx).prime(organisation.id, organisation);
      },
    });
    edges.register({
      fields: ['allocatedWorker'],
      select: () => `SELECT ${practitionerJson('c.allocated_worker_id')}`,
      prime: (ctx, _childId, value) => {
        if (value) practitioners.prime(ctx, value);
      },
    });
    edges.register({
      fields: ['retainUntil'],
      select: () => `SELECT (${retainUntilSql('c')})::text`,
      prime: (ctx, childId, value) => {
        retainUntilLoader(ctx).prime(childId, parseRow(RetainUntilValue, value, 'the retainUntil edge'));
      },
    });
  }

  @Query(() => ChildModel, { description: 'One child; every read is audited' })
  @Allow(Permission.READ_CHILD)
  child(
    @Ctx() ctx: RequestContext,
    @Args() { id }: IdArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ChildModel> {
    return this.childrenService.getWithEdges(ctx, id, this.edges.requested(info));
  }

  @Query(() => ChildConnection, { description: "Children in the caller's scope, newest registration first" })
  @Allow(Permission.READ_CHILD)
  children(
    @Ctx() ctx: RequestContext,
    @Args() args: ChildrenArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<ChildModel>> {
    return this.childrenService.list(ctx, args, selectedNodeFields(info));
  }

  @Mutation(() => ChildModel)
  @Allow(Permission.REGISTER_CHILD)
  registerChild(@Ctx() ctx: RequestContext, @Args('input') input: RegisterChildInput): Promise<ChildModel> {
    return this.childrenService.register(ctx, input);
  }

  @Mutation(() => ChildModel)
  @Allow(Permission.UPDATE_CHILD)
  updateChild(@Ctx() ctx: RequestContext, @Args('input') input: UpdateChildInput): Promise<ChildModel> {
    return this.childrenService.update(ctx, input);
  }

  @Mutation(() => ChildModel, { description: 'Closes a case; nothing is deleted' })
  @Allow(Permission.CLOSE_CASE)
  closeCase(@Ctx() ctx: RequestContext, @Args('input') input: CloseCaseInput): Promise<ChildModel> {
    return this.childrenService.close(ctx, input);
  }

  @Mutation(() => ChildModel)
  @Allow(Permission.CLOSE_CASE)
  reopenCase(@Ctx() ctx: RequestContext, @Args('input') input: ReopenCaseInput): Promise<ChildModel> {
    return this.childrenService.reopen(ctx, input);
  }

  @ResolveField(() => OrganisationModel)
  @Allow(Permission.READ_CHILD)
  async localAuthority(@Ctx() ctx: RequestContext, @Parent() child: ChildModel): Promise<OrganisationModel> {
    return (await this.organisations.loader(ctx).load(child.localAuthorityId))!;
  }

  @ResolveField(() => PractitionerModel, { nullable: true })
  @Allow(Permission.READ_CHILD)
  allocatedWorker(
    @Ctx() ctx: RequestContext,
    @Parent() child: ChildModel,
  ): Promise<PractitionerModel | null> {
    return child.allocatedWorkerId
      ? this.practitioners.loader(ctx).load(child.allocatedWorkerId)
      : Promise.resolve(null);
  }

  @ResolveField(() => Int, {
    nullable: true,
    description: 'Age in whole years today (Europe/London), from the effective date of birth',
  })
  @Allow(Permission.READ_CHILD)
  age(@Parent() child: ChildModel): number | null {
    return child.effectiveDateOfBirth ? ageOn(child.effectiveDateOfBirth, this.clock.today()) : null;
  }

  @ResolveField(() => GraphQLDate, {
    nullable: true,
    description:
      'The day from which the records may be purged: the 75th birthday (100th in Scotland), or for a child who died before 18, 15 years after the death (25 in Scotland) when later; null without a date of birth (kept)',
  })
  @Allow(Permission.READ_CHILD)
  retainUntil(@Ctx() ctx: RequestContext, @Parent() child: ChildModel): Promise<string | null> {
    return retainUntilLoader(ctx).load(child.id);
  }

  @ResolveField(() => [NrmCategory], {
    description: 'Derived from the exploitation types, as NRM statistics file them',
  })
  @Allow(Permission.READ_CHILD)
  nrmCategories(@Parent() child: ChildModel): NrmCategory[] {
    return nrmCategories(child.exploitationTypes);
  }

  @ResolveField(() => ImmigrationStatus, { nullable: true, description: 'Restricted' })
  @Allow(Permission.READ_IMMIGRATION_DETAILS)
  immigrationStatus(@Parent() child: ChildModel): string | null {
    return child.immigration.status;
  }

  @ResolveField(() => GraphQLDate, { nullable: true, description: 'Restricted' })
  @Allow(Permission.READ_IMMIGRATION_DETAILS)
  asylumClaimDate(@Parent() child: ChildModel): string | null {
    return child.immigration.asylumClaimDate;
  }

  @ResolveField(() => GraphQLDate, {
    nullable: true,
    description: 'Restricted: when immigration leave expires',
  })
  @Allow(Permission.READ_IMMIGRATION_DETAILS)
  leaveExpiresOn(@Parent() child: ChildModel): string | null {
    return child.immigration.leaveExpiresOn;
  }

  @ResolveField(() => String, { nullable: true, description: 'Restricted' })
  @Allow(Permission.READ_IMMIGRATION_DETAILS)
  homeOfficeReference(@Parent() child: ChildModel): string | null {
    return child.immigration.homeOfficeReference;
  }
}
