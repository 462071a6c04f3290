import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ChildEdges, ChildModel, ChildrenService } from '@haven/children';
import {
  Allow,
  Ctx,
  OrganisationModel,
  OrganisationsService,
  Permission,
  PractitionerModel,
  PractitionersService,
  RequestContext,
  Role,
} from '@haven/platform';
import { AssignGuardianInput } from './dto/assign-guardian.input';
import { EndGuardianAssignmentInput } from './dto/end-guardian-assignment.input';
import { RecordGuardianContactInput } from './dto/record-guardian-contact.input';
import { GuardianAssignmentModel, GuardianContactModel } from './guardian-assignment.model';
import { GuardianshipService } from './guardianship.service';
import { SchemeEligibilityModel } from './scheme-eligibility.model';

@Resolver(() => GuardianAssignmentModel)
export class GuardianAssignmentResolver {
  constructor(
    private readonly guardianship: GuardianshipService,
    private readonly childrenService: ChildrenService,
    private readonly practitionerService: PractitionersService,
    private readonly organisations: OrganisationsService,
  ) {}

  @Mutation(() => GuardianAssignmentModel)
  @Allow(Permission.ASSIGN_GUARDIAN)
  assignGuardian(
    @Ctx() ctx: RequestContext,
    @Args('input') input: AssignGuardianInput,
  ): Promise<GuardianAssignmentModel> {
    return this.guardianship.assign(ctx, input);
  }

  @Mutation(() => GuardianAssignmentModel)
  @Allow(Permission.ASSIGN_GUARDIAN)
  endGuardianAssignment(
    @Ctx() ctx: RequestContext,
    @Args('input') input: EndGuardianAssignmentInput,
  ): Promise<GuardianAssignmentModel> {
    return this.guardianship.end(ctx, input);
  }

  @Mutation(() => GuardianContactModel)
  @Allow(Permission.RECORD_GUARDIAN_CONTACT)
  recordGuardianContact(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordGuardianContactInput,
  ): Promise<GuardianContactModel> {
    return this.guardianship.recordContact(ctx, input);
  }

  @ResolveField(() => ChildModel)
  @Allow(Permission.READ_CHILD)
  async child(
    @Ctx() ctx: RequestContext,
    @Parent() assignment: GuardianAssignmentModel,
  ): Promise<ChildModel> {
    return this.childrenService.get(ctx, assignment.childId);
  }

  @ResolveField(() => PractitionerModel)
  @Allow(Permission.READ_CHILD)
  async guardian(
    @Ctx() ctx: RequestContext,
    @Parent() assignment: GuardianAssignmentModel,
  ): Promise<PractitionerModel> {
    return (await this.practitionerService.loader(ctx).load(assignment.guardianId))!;
  }

  @ResolveField(() => OrganisationModel, { description: 'The guardianship provider the guardian works for' })
  @Allow(Permission.READ_CHILD)
  async provider(
    @Ctx() ctx: RequestContext,
    @Parent() assignment: GuardianAssignmentModel,
  ): Promise<OrganisationModel> {
    return (await this.organisations.loader(ctx).load(assignment.providerId))!;
  }

  @ResolveField(() => [GuardianContactModel], {
    description: 'Contacts logged under this assignment, newest first',
  })
  @Allow(Permission.READ_CHILD)
  contacts(
    @Ctx() ctx: RequestContext,
    @Parent() assignment: GuardianAssignmentModel,
  ): Promise<GuardianContactModel[]> {
    return this.guardianship.contactsOf(ctx, assignment.id);
  }
}

@Resolver(() => ChildModel)
export class ChildGuardianshipResolver {
  constructor(
    private readonly guardianship: GuardianshipService,
    private readonly practitionerService: PractitionersService,
    edges: ChildEdges,
  ) {
    edges.register(guardianship.childEdge(practitionerService));
    edges.register(guardianship.activeGuardianEdge(practitionerService));
    edges.register(guardianship.eligibilityEdge);
  }

  @ResolveField(() => [SchemeEligibilityModel], {
    description:
      "The guardian schemes serving the child's nation (and another advocate's): whether the child is eligible today, and why",
  })
  @Allow(Permission.READ_CHILD)
  guardianshipEligibility(
    @Ctx() ctx: RequestContext,
    @Parent() child: ChildModel,
  ): Promise<SchemeEligibilityModel[]> {
    return this.guardianship.eligibilityOf(ctx, child.id);
  }

  @ResolveField(() => [GuardianAssignmentModel], { description: 'Newest first' })
  @Allow(Permission.READ_CHILD)
  guardianAssignments(
    @Ctx() ctx: RequestContext,
    @Parent() child: ChildModel,
  ): Promise<GuardianAssignmentModel[]> {
    return this.guardianship.assignmentsOf(ctx, child.id);
  }

  @ResolveField(() => PractitionerModel, {
    nullable: true,
    description: 'The guardian of the active assignment',
  })
  @Allow(Permission.READ_CHILD)
  async activeGuardian(
    @Ctx() ctx: RequestContext,
    @Parent() child: ChildModel,
  ): Promise<PractitionerModel | null> {
    const active = await this.guardianship.activeGuardianOf(ctx, child.id);
    return active ? this.practitionerService.loader(ctx).load(active.guardianId) : null;
  }
}

@Resolver(() => PractitionerModel)
export class GuardianCaseloadResolver {
  constructor(private readonly guardianship: GuardianshipService) {}

  @ResolveField(() => Int, {
    nullable: true,
    description: "A guardian's active assignments; null for other roles",
  })
  @Allow(Permission.LIST_PRACTITIONERS)
  async caseload(
    @Ctx() ctx: RequestContext,
    @Parent() practitioner: PractitionerModel,
  ): Promise<number | null> {
    return practitioner.role === Role.GUARDIAN ? this.guardianship.caseloadOf(ctx, practitioner.id) : null;
  }

  @ResolveField(() => [String], { description: 'e.g. a guardian above the caseload ceiling; not a refusal' })
  @Allow(Permission.LIST_PRACTITIONERS)
  async warnings(@Ctx() ctx: RequestContext, @Parent() practitioner: PractitionerModel): Promise<string[]> {
    if (practitioner.role !== Role.GUARDIAN) return [];
    const caseload = await this.guardianship.caseloadOf(ctx, practitioner.id);
    const ceiling = this.guardianship.caseloadCeiling;
    return caseload > ceiling ? [`Caseload ${caseload} is above the ceiling of ${ceiling}`] : [];
  }
}
