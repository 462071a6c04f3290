import { sqlRecordPart } from '@haven/children';

/**
 * Missing's part of the child record: the episodes and the missing-person profile. An episode names the
 * placement the child went missing from, so the purge deletes this part before the placements.
 */
export const MISSING_RECORD_PART = sqlRecordPart({
  name: 'missing',
  position: 40,
  refersTo: ['placements'],
  sections: {
    missingEpisodes: `SELECT * FROM missing_episode WHERE child_id = $1 ORDER BY missing_since`,
    missingPersonProfile: `SELECT * FROM missing_person_profile WHERE child_id = $1`,
  },
  deletions: [
    `DELETE FROM missing_person_profile WHERE child_id = ANY($1::uuid[])`,
    `DELETE FROM missing_episode WHERE child_id = ANY($1::uuid[])`,
  ],
});
