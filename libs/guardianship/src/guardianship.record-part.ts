import { sqlRecordPart } from '@haven/children';

/** Guardianship's part of the child record: the assignments and the guardians' contacts with the child. */
export const GUARDIANSHIP_RECORD_PART = sqlRecordPart({
  name: 'guardianship',
  position: 10,
  sections: {
    guardianAssignments: `SELECT * FROM guardian_assignment WHERE child_id = $1 ORDER BY start_date`,
    guardianContacts: `SELECT * FROM guardian_contact WHERE child_id = $1 ORDER BY contacted_at`,
  },
  deletions: [
    `DELETE FROM guardian_contact WHERE child_id = ANY($1::uuid[])`,
    `DELETE FROM guardian_assignment WHERE child_id = ANY($1::uuid[])`,
  ],
});
