import { sqlRecordPart } from '@haven/children';

/** Meetings' part of the child record: the meetings that discussed the child and the actions for the child. */
export const MEETINGS_RECORD_PART = sqlRecordPart({
  name: 'meetings',
  position: 70,
  sections: {
    meetings: `SELECT m.id, m.type, m.status, m.scheduled_for, m.held_at, mc.added_because, mc.decision
               FROM meeting_child mc JOIN meeting m ON m.id = mc.meeting_id WHERE mc.child_id = $1 ORDER BY m.scheduled_for`,
    meetingActions: `SELECT * FROM meeting_action WHERE child_id = $1 ORDER BY due_on`,
  },
  deletions: [
    `DELETE FROM meeting_action WHERE child_id = ANY($1::uuid[])`,
    `DELETE FROM meeting_child WHERE child_id = ANY($1::uuid[])`,
  ],
});
