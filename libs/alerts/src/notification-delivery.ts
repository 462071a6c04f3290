import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { APP_CONFIG, AppConfig, execute, inSystemTransaction, queryRow, queryRows } from '@haven/platform';
import { AlertModel } from './alert.model';
import { AlertsService } from './alerts.service';

const RecipientRow = z.object({ id: z.string(), name: z.string(), email: z.string().nullable() });
const CodeRow = z.object({ code: z.string() });

/** What leaves the service about an alert: no names, no addresses; the reason and where to look. */
export interface AlertNotification {
  deliveryId: string;
  alertId: string;
  escalationLevel: number;
  kind: string;
  severity: string;
  reason: string;
  raisedAt: string;
  childId: string | null;
  authorityCode: string;
  recipients: { practitionerId: string; name: string; email: string | null }[];
}

const OutboxRow = z.object({
  id: z.string(), // bigint
  alert_id: z.string(),
  escalation_level: z.number(),
  attempts: z.number(),
});
type OutboxRow = z.infer<typeof OutboxRow>;

/**
 * Delivers the outbox at least once: each instance claims due rows with SKIP LOCKED, sends them to
 * the configured channels, and marks them delivered in the same transaction; a failure schedules a
 * retry with exponential backoff. Receivers de-duplicate by `deliveryId` (alert and escalation level).
 */
@Injectable()
export class NotificationDelivery {
  private readonly logger = new Logger('AlertNotifications');
  private readonly mail?: Transporter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    if (config.alerts.smtpUrl) this.mail = createTransport(config.alerts.smtpUrl);
  }

  /** Delivers what is due; returns how many were delivered. */
  async deliverDue(batch = 20): Promise<number> {
    return inSystemTransaction(this.dataSource, async (em) => {
      const rows = await queryRows(
        em,
        OutboxRow,
        `SELECT id, alert_id, escalation_level, attempts FROM notification_outbox
          WHERE delivered_at IS NULL AND next_attempt_at <= now() AND attempts < $1
          ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [this.config.alerts.maxDeliveryAttempts, batch],
      );
      let delivered = 0;
      for (const row of rows) {
        try {
          await this.send(await this.notification(em, row));
          await execute(
            em,
            'UPDATE notification_outbox SET delivered_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1',
            [row.id],
          );
          delivered += 1;
        } catch (error) {
          const backoffSeconds = Math.min(3600, 5 * 2 ** row.attempts);
          await execute(
            em,
            `UPDATE notification_outbox SET attempts = attempts + 1, last_error = $2,
                    next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1`,
            [row.id, (error as Error).message.slice(0, 500), backoffSeconds],
          );
          this.logger.warn(
            `Delivery of alert ${row.alert_id} failed (attempt ${row.attempts + 1}): ${(error as Error).message}`,
          );
        }
      }
      return delivered;
    });
  }

  private async notification(em: EntityManager, row: OutboxRow): Promise<AlertNotification> {
    const alert = (await this.alerts.byId(em, row.alert_id)) as AlertModel;
    const recipientIds = await this.alerts.recipients(em, row.alert_id);
    const recipients = await queryRows(
      em,
      RecipientRow,
      'SELECT id, name, email FROM practitioner WHERE id = ANY($1::uuid[]) ORDER BY name',
      [recipientIds],
    );
    const { code } = await queryRow(em, CodeRow, 'SELECT code FROM organisation WHERE id = $1', [
      alert.localAuthorityId,
    ]);
    return {
      deliveryId: `${row.alert_id}:${row.escalation_level}`,
      alertId: row.alert_id,
      escalationLevel: row.escalation_level,
      kind: alert.kind,
      severity: alert.severity,
      reason: alert.reason,
      raisedAt: alert.raisedAt.toISOString(),
      childId: alert.childId,
      authorityCode: code,
      recipients: recipients.map((recipient) => ({
        practitionerId: recipient.id,
        name: recipient.name,
        email: recipient.email,
      })),
    };
  }

  private async send(notification: AlertNotification): Promise<void> {
    const { webhookUrl, webhookSecret, emailFrom } = this.config.alerts;
    if (webhookUrl && webhookSecret) await sendWebhook(webhookUrl, webhookSecret, notification);
    const addresses = notification.recipients
      .map((recipient) => recipient.email)
      .filter((email): email is string => !!email);
    if (this.mail && addresses.length > 0) {
      await this.mail.sendMail({
        from: emailFrom,
        to: addresses,
        subject: `[Haven] ${notification.severity}: ${notification.kind.replace(/_/g, ' ').toLowerCase()}`,
        text: `${notification.reason}\n\nOpen Haven to see the child's record. Reference: ${notification.deliveryId}`,
      });
    }
    // the kind and the reference only: an alert's reason speaks of the child (an age dispute, an action)
    this.logger.log(
      `${notification.severity} ${notification.kind} (level ${notification.escalationLevel}) for ${notification.recipients.length} recipient(s) [${notification.deliveryId}]`,
    );
  }
}

/** POSTs the notification, signed with HMAC-SHA256 of the body; any non-2xx answer is a failure. */
export async function sendWebhook(
  url: string,
  secret: string,
  notification: AlertNotification,
): Promise<void> {
  const body = JSON.stringify(notification);
  const signature = createHmac('sha256', secret).update(body).digest('hex');
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-haven-signature': `sha256=${signature}`,
      'x-haven-delivery': notification.deliveryId,
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new WebhookRefusedError(response.status);
}

export class WebhookRefusedError extends Error {
  constructor(readonly status: number) {
    super(`The webhook answered ${status}`);
    this.name = 'WebhookRefusedError';
  }
}
