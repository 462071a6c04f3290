import { sqlRecordPart } from '@haven/children';

/** Placements' part of the child record: everywhere the child has lived. */
export const PLACEMENTS_RECORD_PART = sqlRecordPart({
  name: 'placements',
  position: 30,
  sections: {
    placements: `SELECT * FROM placement WHERE child_id = $1 ORDER BY started_at`,
  },
  deletions: [`DELETE FROM placement WHERE child_id = ANY($1::uuid[])`],
});
