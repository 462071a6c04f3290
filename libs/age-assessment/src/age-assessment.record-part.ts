import { sqlRecordPart } from '@haven/children';

/** Age assessment's part of the child record: every assessment raised, history kept. */
export const AGE_ASSESSMENT_RECORD_PART = sqlRecordPart({
  name: 'age-assessment',
  position: 20,
  sections: {
    ageAssessments: `SELECT * FROM age_assessment WHERE child_id = $1 ORDER BY raised_on`,
  },
  deletions: [`DELETE FROM age_assessment WHERE child_id = ANY($1::uuid[])`],
});
