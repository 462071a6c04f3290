import { AGE_ASSESSMENT_RECORD_PART } from '@haven/age-assessment';
import { ALERTS_RECORD_PART, TURNED_18_RECORD_PART } from '@haven/alerts';
import { ChildRecordPart } from '@haven/children';
import { DURABLE_SOLUTIONS_RECORD_PART } from '@haven/durable-solutions';
import { GUARDIANSHIP_RECORD_PART } from '@haven/guardianship';
import { MEETINGS_RECORD_PART } from '@haven/meetings';
import { MISSING_RECORD_PART } from '@haven/missing';
import { PLACEMENTS_RECORD_PART } from '@haven/placements';

/**
 * The parts of the child record the purge deletes: the ones the capabilities' modules register in the
 * service (`ChildRecordParts`), which the purge command runs without. A part missing here leaves rows
 * that refer to the child, and the purge fails on their foreign key rather than keeping them.
 */
export const CHILD_RECORD_PARTS: readonly ChildRecordPart[] = [
  GUARDIANSHIP_RECORD_PART,
  AGE_ASSESSMENT_RECORD_PART,
  PLACEMENTS_RECORD_PART,
  MISSING_RECORD_PART,
  DURABLE_SOLUTIONS_RECORD_PART,
  ALERTS_RECORD_PART,
  MEETINGS_RECORD_PART,
  TURNED_18_RECORD_PART,
];
