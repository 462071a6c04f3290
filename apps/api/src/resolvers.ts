import { AGE_ASSESSMENT_RESOLVERS } from '@haven/age-assessment';
import { ALERTS_RESOLVERS } from '@haven/alerts';
import { CHILDREN_RESOLVERS } from '@haven/children';
import { DURABLE_SOLUTIONS_RESOLVERS } from '@haven/durable-solutions';
import { GUARDIANSHIP_RESOLVERS } from '@haven/guardianship';
import { MEETINGS_RESOLVERS } from '@haven/meetings';
import { MISSING_RESOLVERS } from '@haven/missing';
import { PLACEMENTS_RESOLVERS } from '@haven/placements';
import { STATISTICS_RESOLVERS } from '@haven/statistics';
import { PLATFORM_RESOLVERS } from '@haven/platform';

/** Every resolver class the API serves: the schema printer and the permission test walk this list. */
export const ALL_RESOLVERS: Function[] = [
  ...PLATFORM_RESOLVERS,
  ...CHILDREN_RESOLVERS,
  ...GUARDIANSHIP_RESOLVERS,
  ...AGE_ASSESSMENT_RESOLVERS,
  ...PLACEMENTS_RESOLVERS,
  ...MISSING_RESOLVERS,
  ...DURABLE_SOLUTIONS_RESOLVERS,
  ...ALERTS_RESOLVERS,
  ...MEETINGS_RESOLVERS,
  ...STATISTICS_RESOLVERS,
];
