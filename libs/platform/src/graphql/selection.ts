import {
  FieldNode,
  getNamedType,
  GraphQLObjectType,
  GraphQLResolveInfo,
  isObjectType,
  Kind,
  SelectionSetNode,
} from 'graphql';

/** The fields selected on `type` under the given nodes, through fragments and inline fragments. */
export function selectedFields(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
): FieldNode[] {
  return collect(info, type, nodes) ?? [];
}

/**
 * The names of the fields a connection's query selects on each node (`edges { node { ... } }`), or
 * null when a fragment there is on another type than the node's own (an interface): the selection is
 * then not known field by field, and a caller reading only what is selected must read everything.
 */
export function selectedNodeFields(info: GraphQLResolveInfo): Set<string> | null {
  const connection = getNamedType(info.returnType);
  if (!isObjectType(connection)) return null;
  const edgeType = fieldType(connection, 'edges');
  const nodeType = edgeType && fieldType(edgeType, 'node');
  if (!edgeType || !nodeType) return null;
  const edges = collect(info, connection, info.fieldNodes, true);
  const nodes = edges && collect(info, edgeType, named(edges, 'edges'), true);
  const fields = nodes && collect(info, nodeType, named(nodes, 'node'), true);
  return fields ? new Set(fields.map((field) => field.name.value)) : null;
}

/** The object type of `type`'s field `name` (through lists and non-null), if it has one. */
function fieldType(type: GraphQLObjectType, name: string): GraphQLObjectType | undefined {
  const field = type.getFields()[name];
  const named = field && getNamedType(field.type);
  return isObjectType(named) ? named : undefined;
}

const named = (fields: readonly FieldNode[], name: string) =>
  fields.filter((field) => field.name.value === name);

/**
 * The fields under `nodes` on `type`. A fragment on another type is skipped, or with `strict` makes the
 * answer null (it may apply to `type` through an interface).
 */
function collect(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  strict = false,
): FieldNode[] | null {
  const fields: FieldNode[] = [];
  let known = true;
  const onType = (condition: string | undefined) => {
    if (condition === undefined || condition === type.name) return true;
    if (strict) known = false;
    return false;
  };
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (onType(selection.typeCondition?.name.value)) visit(selection.selectionSet);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment && onType(fragment.typeCondition.name.value)) visit(fragment.selectionSet);
      }
    }
  };
  for (const node of nodes) visit(node.selectionSet);
  return known ? fields : null;
}
