import { Module, OnModuleInit } from '@nestjs/common';
import { ChildRecordParts, ChildrenModule } from '@haven/children';
import { AlertEventsListener } from './alert-events.listener';
import { ALERT_PUBSUB, AlertNotifier, AlertPubSub } from './alert-notifier';
import { AlertWorkers } from './alert-workers';
import { AlertsResolver, ChildAlertsResolver } from './alerts.resolver';
import { AlertsService } from './alerts.service';
import { NotificationDelivery } from './notification-delivery';
import { ALERTS_RECORD_PART, TURNED_18_RECORD_PART } from './alerts.record-part';

export const ALERTS_RESOLVERS = [AlertsResolver, ChildAlertsResolver];

/** The alert engine: event and time rules, exactly-once alerts, subscriptions and delivery. */
@Module({
  imports: [ChildrenModule],
  providers: [
    { provide: ALERT_PUBSUB, useValue: new AlertPubSub() },
    AlertsService,
    AlertEventsListener,
    AlertNotifier,
    NotificationDelivery,
    AlertWorkers,
    ...ALERTS_RESOLVERS,
  ],
  exports: [AlertsService, AlertWorkers],
})
export class AlertsModule implements OnModuleInit {
  constructor(private readonly parts: ChildRecordParts) {}

  /** Adds the capability's part to the child record's export and purge. */
  onModuleInit(): void {
    this.parts.register(ALERTS_RECORD_PART);
    this.parts.register(TURNED_18_RECORD_PART);
  }
}
