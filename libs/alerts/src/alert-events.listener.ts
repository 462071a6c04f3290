import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents, DomainEventType } from '@haven/platform';
import { AlertKind } from './alert.enums';
import { AlertsService } from './alerts.service';

const {
  CHILD_MISSING,
  RETURN_INTERVIEW_OVERDUE,
  REPEAT_MISSING,
  NEARING_18_WITHOUT_DURABLE_SOLUTION,
  UASC_LEAVE_EXPIRING,
  NO_GUARDIAN,
  UNSAFE_PLACEMENT,
  NRM_DECISION_OVERDUE,
} = AlertKind;

/**
 * Which rules each domain event re-evaluates, for its child, in the transaction that caused it: a
 * missing report raises CHILD_MISSING before the mutation commits; a return clears it. Every event
 * about one child is listed, so a new event does not compile until its rules are decided here.
 */
export const RULES_BY_EVENT: Record<
  Exclude<DomainEventType, 'MeetingActionCompleted'>,
  readonly AlertKind[]
> = {
  ChildWentMissing: [CHILD_MISSING, REPEAT_MISSING],
  ChildReturned: [CHILD_MISSING, RETURN_INTERVIEW_OVERDUE],
  ReturnInterviewRecorded: [RETURN_INTERVIEW_OVERDUE],
  PlacementStarted: [UNSAFE_PLACEMENT],
  PlacementEnded: [UNSAFE_PLACEMENT],
  DurableSolutionRecorded: [NEARING_18_WITHOUT_DURABLE_SOLUTION],
  NrmDecisionRecorded: [NRM_DECISION_OVERDUE],
  GuardianAssigned: [NO_GUARDIAN],
  ChildUpdated: [UASC_LEAVE_EXPIRING, NEARING_18_WITHOUT_DURABLE_SOLUTION, NO_GUARDIAN, UNSAFE_PLACEMENT],
  CaseClosed: [NEARING_18_WITHOUT_DURABLE_SOLUTION, NO_GUARDIAN, UASC_LEAVE_EXPIRING],
  // what closing cleared comes back at once
  CaseReopened: [NEARING_18_WITHOUT_DURABLE_SOLUTION, NO_GUARDIAN, UASC_LEAVE_EXPIRING],
  // a dispute raised or a judicial review makes adult accommodation unsafe; an adult finding clears it
  AgeAssessmentChanged: [UNSAFE_PLACEMENT],
};

/**
 * Events that can only start a condition: a new missing episode neither ends nor ages another (a child
 * has one open episode; the last one's alert was cleared at its return), so its rules only raise.
 */
const RAISE_ONLY_EVENTS: ReadonlySet<DomainEventType> = new Set(['ChildWentMissing']);

@Injectable()
export class AlertEventsListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly alerts: AlertsService,
  ) {}

  onModuleInit(): void {
    for (const type of Object.keys(RULES_BY_EVENT) as (keyof typeof RULES_BY_EVENT)[]) {
      const kinds = RULES_BY_EVENT[type];
      this.events.on(type, (ctx, event) =>
        this.alerts.evaluateChild(ctx, event.childId, kinds, RAISE_ONLY_EVENTS.has(type)),
      );
    }
    // an action may be about no child: re-evaluate the authority's overdue actions
    this.events.on('MeetingActionCompleted', async (ctx, event) => {
      await this.alerts.evaluate(await ctx.em(), new Date(), {
        authorityId: event.localAuthorityId,
        kinds: [AlertKind.MEETING_ACTION_OVERDUE],
      });
    });
  }
}
