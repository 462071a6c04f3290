import 'reflect-metadata';
import { ALLOW_METADATA, Permission, POLICY } from '@haven/platform';
import { ALL_RESOLVERS } from './resolvers';

const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';
const RESOLVE_PROPERTY = 'graphql:resolve_property';

interface Entry {
  operation: string;
  permission: Permission | undefined;
}

/** Every query, mutation, subscription and field resolver the API serves, with the permission it declares. */
function entries(): Entry[] {
  return ALL_RESOLVERS.flatMap((resolver) => {
    const prototype = resolver.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== 'constructor' && typeof prototype[name] === 'function')
      .flatMap((name) => {
        const method = prototype[name] as object;
        const rootType = Reflect.getMetadata(RESOLVER_TYPE, method) as string | undefined;
        const isField = Reflect.getMetadata(RESOLVE_PROPERTY, method) !== undefined;
        if (!rootType && !isField) return [];
        const fieldName = (Reflect.getMetadata(RESOLVER_NAME, method) as string | undefined) ?? name;
        // a field resolver's parent type is the name @Resolver(() => Type) recorded on the class
        const typeName = isField ? (Reflect.getMetadata(RESOLVER_NAME, resolver) as string) : rootType;
        return [
          {
            operation: `${typeName}.${fieldName}`,
            permission: Reflect.getMetadata(ALLOW_METADATA, method) as Permission,
          },
        ];
      });
  });
}

describe('permissions', () => {
  it('every query, mutation and field resolver declares a permission (denied by default otherwise)', () => {
    const undeclared = entries().filter((entry) => !entry.permission);
    expect(undeclared.map((entry) => entry.operation)).toEqual([]);
  });

  it('who reaches what: a change here is a reviewed permission change', () => {
    const matrix = Object.fromEntries(
      entries()
        .map(
          ({ operation, permission }) =>
            [operation, `${permission}: ${[...POLICY[permission!]].sort().join(', ')}`] as const,
        )
        .sort(([a], [b]) => a.localeCompare(b)),
    );
    expect(matrix).toMatchSnapshot();
  });
});
