import { Inject } from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { PubSub } from 'graphql-subscriptions';
import { DataSource } from 'typeorm';
import { ChildEdges, ChildModel, ChildrenService } from '@haven/children';
import {
  Allow,
  Clock,
  Connection,
  Ctx,
  GraphQLContext,
  inSystemTransaction,
  Permission,
  PractitionerModel,
  PractitionersService,
  RequestContext,
  Role,
} from '@haven/platform';
import { ALERT_PUBSUB, ALERT_RAISED, AlertRaisedPayload } from './alert-notifier';
import { AlertConnection, AlertModel, AlertScanResult } from './alert.model';
import { AlertsService } from './alerts.service';
import { AcknowledgeAlertInput, AlertsArgs, ResolveAlertInput, RunAlertScanInput } from './dto/alert.inputs';

@Resolver(() => AlertModel)
export class AlertsResolver {
  constructor(
    private readonly alertsService: AlertsService,
    private readonly childrenService: ChildrenService,
    private readonly practitionerService: PractitionersService,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
    @Inject(ALERT_PUBSUB) private readonly pubsub: PubSub,
  ) {}

  @Query(() => AlertConnection, { description: "Alerts on the children in the caller's scope, newest first" })
  @Allow(Permission.READ_ALERTS)
  alerts(@Ctx() ctx: RequestContext, @Args() args: AlertsArgs): Promise<Connection<AlertModel>> {
    return this.alertsService.list(ctx, args);
  }

  @Mutation(() => AlertModel)
  @Allow(Permission.ACKNOWLEDGE_ALERT)
  acknowledgeAlert(
    @Ctx() ctx: RequestContext,
    @Args('input') input: AcknowledgeAlertInput,
  ): Promise<AlertModel> {
    return this.alertsService.acknowledge(ctx, input);
  }

  @Mutation(() => AlertModel)
  @Allow(Permission.RESOLVE_ALERT)
  resolveAlert(@Ctx() ctx: RequestContext, @Args('input') input: ResolveAlertInput): Promise<AlertModel> {
    return this.alertsService.resolve(ctx, input);
  }

  @Mutation(() => AlertScanResult, {
    description: "Evaluates every rule as of an instant; a team manager's scan covers their authority",
  })
  @Allow(Permission.RUN_ALERT_SCAN)
  async runAlertScan(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => RunAlertScanInput, nullable: true }) input?: RunAlertScanInput | null,
  ): Promise<AlertScanResult> {
    const asOf = input?.asOf ?? this.clock.now();
    // an administrator's scan is the service's own work over every authority, in a system transaction
    // of its own: their requests see no child, and row-level security holds them to that
    const counts =
      ctx.actor.role === Role.ADMIN
        ? await inSystemTransaction(this.dataSource, (em) => this.alertsService.evaluate(em, asOf))
        : await this.alertsService.evaluate(await ctx.em(), asOf, {
            authorityId: ctx.actor.localAuthorityId,
          });
    return { ...counts, asOf };
  }

  @Subscription(() => AlertModel, {
    description: 'Each new or escalated alert, pushed to the practitioners it reaches and no one else',
    filter: (payload: AlertRaisedPayload, _: unknown, context: GraphQLContext) =>
      payload.recipients.includes(context.haven.actor.practitionerId),
    resolve: (payload: AlertRaisedPayload) => payload.alert,
  })
  @Allow(Permission.READ_ALERTS)
  alertRaised(): AsyncIterator<AlertRaisedPayload> {
    return this.pubsub.asyncIterableIterator<AlertRaisedPayload>(ALERT_RAISED);
  }

  @ResolveField(() => ChildModel, { nullable: true })
  @Allow(Permission.READ_ALERTS)
  child(@Ctx() ctx: RequestContext, @Parent() alert: AlertModel): Promise<ChildModel | null> {
    return alert.childId ? this.childrenService.get(ctx, alert.childId) : Promise.resolve(null);
  }

  @ResolveField(() => PractitionerModel, { nullable: true })
  @Allow(Permission.READ_ALERTS)
  acknowledgedBy(@Ctx() ctx: RequestContext, @Parent() alert: AlertModel): Promise<PractitionerModel | null> {
    return alert.acknowledgedById
      ? this.practitionerService.loader(ctx).load(alert.acknowledgedById)
      : Promise.resolve(null);
  }

  @ResolveField(() => PractitionerModel, { nullable: true })
  @Allow(Permission.READ_ALERTS)
  resolvedBy(@Ctx() ctx: RequestContext, @Parent() alert: AlertModel): Promise<PractitionerModel | null> {
    return alert.resolvedById
      ? this.practitionerService.loader(ctx).load(alert.resolvedById)
      : Promise.resolve(null);
  }
}

@Resolver(() => ChildModel)
export class ChildAlertsResolver {
  constructor(
    private readonly alertsService: AlertsService,
    edges: ChildEdges,
  ) {
    edges.register(alertsService.childEdge);
  }

  @ResolveField(() => [AlertModel], { description: 'Newest first' })
  @Allow(Permission.READ_CHILD)
  alerts(
    @Ctx() ctx: RequestContext,
    @Parent() child: ChildModel,
    @Args('unresolved', {
      type: () => Boolean,
      nullable: true,
      description: 'Only the alerts not yet resolved (open or acknowledged)',
    })
    unresolved?: boolean | null,
  ): Promise<AlertModel[]> {
    return this.alertsService.forChild(ctx, child.id, unresolved === true);
  }
}
