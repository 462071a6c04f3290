import { Injectable } from '@nestjs/common';
import { getArgumentValues, GraphQLResolveInfo, isObjectType } from 'graphql';
import { RequestContext, selectedFields } from '@haven/platform';

/**
 * Something about a child that another capability serves as a field of Child (its placements, its
 * episodes, its alerts...), which can also be read in the same statement as the child: a correlated
 * subquery over the child row `c`. Reading a case file then costs one query, not one per field.
 */
export interface ChildEdge {
  /** The Child fields it serves, e.g. `placements` and `currentPlacement`. */
  readonly fields: readonly string[];
  /**
   * The subquery yielding json, for these field arguments; null when they cannot be prefetched (the
   * field's resolver then validates and reads them itself). Arguments are not yet validated here, so
   * nothing of them may be inlined unchecked.
   */
  select(args: Record<string, unknown>): string | null;
  /** Hands what the subquery returned to the request's DataLoaders, auditing it as they would. */
  prime(ctx: RequestContext, childId: string, value: unknown, args: Record<string, unknown>): void;
}

/** One edge with the arguments a selection asks for it with. */
export interface RequestedEdge {
  edge: ChildEdge;
  args: Record<string, unknown>;
  sql: string;
}

/** The edges of Child that capabilities register, and which of them a query selects. */
@Injectable()
export class ChildEdges {
  private readonly byField = new Map<string, ChildEdge>();

  register(edge: ChildEdge): void {
    for (const field of edge.fields) this.byField.set(field, edge);
  }

  /** The registered edges the child field being resolved selects, each (edge, arguments) once. */
  requested(info: GraphQLResolveInfo): RequestedEdge[] {
    const childType = info.returnType;
    const type = 'ofType' in childType ? childType.ofType : childType;
    if (!isObjectType(type)) return [];
    const requested = new Map<string, RequestedEdge>();
    for (const node of selectedFields(info, type, info.fieldNodes)) {
      const edge = this.byField.get(node.name.value);
      const definition = type.getFields()[node.name.value];
      if (!edge || !definition) continue;
      const args = getArgumentValues(definition, node, info.variableValues);
      const sql = edge.select(args);
      if (sql === null) continue;
      const key = `${edge.fields[0]}:${JSON.stringify(args)}`;
      if (!requested.has(key)) requested.set(key, { edge, args, sql });
    }
    return [...requested.values()];
  }
}
