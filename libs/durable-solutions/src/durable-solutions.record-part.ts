import { sqlRecordPart } from '@haven/children';

/** Durable solutions' part of the child record: every outcome recorded. */
export const DURABLE_SOLUTIONS_RECORD_PART = sqlRecordPart({
  name: 'durable-solutions',
  position: 50,
  sections: {
    durableSolutions: `SELECT * FROM durable_solution WHERE child_id = $1 ORDER BY recorded_at`,
  },
  deletions: [`DELETE FROM durable_solution WHERE child_id = ANY($1::uuid[])`],
});
