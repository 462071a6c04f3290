import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { invalidField } from '../errors/haven-error';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50, description: `Page size, 1 to ${MAX_PAGE_SIZE}` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number = 50;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type for `classRef`: edges { cursor node }, pageInfo, totalCount. */
export function Paginated<T>(classRef: Type<T>, name = classRef.name): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => classRef)
    node!: T;
  }

  @ObjectType({ isAbstract: true })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many records match, across all pages' })
    totalCount!: number;
  }
  return ConnectionType;
}

/** Cursors are opaque: the keyset values of the last row, base64url-encoded. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): (string | number)[] | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((value) => typeof value === 'string' || typeof value === 'number')
    ) {
      return values;
    }
  } catch {
    // fall through
  }
  throw invalidField('after', 'Not a cursor from this list');
}

/** Builds a connection from `first + 1` rows fetched after the cursor. */
export function toConnection<R, T>(
  rows: R[],
  first: number,
  totalCount: number,
  keyOf: (row: R) => (string | number)[],
  toNode: (row: R) => T,
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: encodeCursor(keyOf(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/** Whether a value is a valid page size (checked before it is ever inlined in SQL). */
export function isPageSize(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_PAGE_SIZE;
}
