import { CHILDREN_RESOLVERS } from '@haven/children';
import { PLATFORM_RESOLVERS } from '@haven/platform';

/** Every resolver class the API serves: the schema printer and the permission test walk this list. */
export const ALL_RESOLVERS: Function[] = [...PLATFORM_RESOLVERS, ...CHILDREN_RESOLVERS];
