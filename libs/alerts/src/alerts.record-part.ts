import { sqlRecordPart } from '@haven/children';

/** The alerts' part of the child record: the alerts raised about the child and their notifications. */
export const ALERTS_RECORD_PART = sqlRecordPart({
  name: 'alerts',
  position: 60,
  sections: {
    alerts: `SELECT * FROM alert WHERE child_id = $1 ORDER BY raised_at`,
  },
  deletions: [
    `DELETE FROM notification_outbox WHERE alert_id IN (SELECT id FROM alert WHERE child_id = ANY($1::uuid[]))`,
    `DELETE FROM alert WHERE child_id = ANY($1::uuid[])`,
  ],
});

/** The record that the child turned 18 without a durable solution (the cliff-edge rule's memory). */
export const TURNED_18_RECORD_PART = sqlRecordPart({
  name: 'turned-18-without-solution',
  position: 80,
  sections: {
    turnedEighteenWithoutSolution: `SELECT * FROM turned_18_without_solution WHERE child_id = $1`,
  },
  deletions: [`DELETE FROM turned_18_without_solution WHERE child_id = ANY($1::uuid[])`],
});
