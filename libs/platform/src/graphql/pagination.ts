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

/** What one keyset value of a cursor is, so that a decoded cursor is checked before it reaches SQL. */
export type KeyPart = 'instant' | 'uuid' | 'sequence';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A bigint sequence number, as PostgreSQL returns one: digits, short enough never to overflow. */
const SEQUENCE = /^\d{1,18}$/;

const isPart: Record<KeyPart, (value: unknown) => boolean> = {
  // as toISOString writes it, a real instant, in a year PostgreSQL accepts
  instant: (value) =>
    typeof value === 'string' &&
    INSTANT.test(value) &&
    value >= '0001' &&
    new Date(value).toISOString() === value,
  uuid: (value) => typeof value === 'string' && UUID.test(value),
  sequence: (value) => typeof value === 'string' && SEQUENCE.test(value),
};

/**
 * The cursors of one list. A cursor is opaque to clients: the list's name and the keyset values of
 * the last row, as JSON, base64url-encoded. Decoding checks all of it (the list, each value's kind,
 * and that the text is exactly what `encode` would write), so that a cursor altered by hand, or one
 * from another list, is refused as bad input rather than reaching the SQL.
 */
export class Keyset {
  constructor(
    private readonly list: string,
    private readonly parts: readonly KeyPart[],
  ) {}

  encode(values: readonly string[]): string {
    return Buffer.from(JSON.stringify([this.list, ...values])).toString('base64url');
  }

  /** The keyset values of `cursor` (undefined when there is none); BAD_USER_INPUT on `field` otherwise. */
  decode(cursor: string | null | undefined, field = 'after'): string[] | undefined {
    if (cursor === undefined || cursor === null) return undefined;
    const values = this.valuesOf(cursor);
    if (!values) throw invalidField(field, `${field} is not a cursor from this list`);
    return values;
  }

  private valuesOf(cursor: string): string[] | undefined {
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    if (!Array.isArray(decoded) || decoded.length !== this.parts.length + 1 || decoded[0] !== this.list)
      return undefined;
    const values = decoded.slice(1) as unknown[];
    if (!values.every((value, index) => isPart[this.parts[index]](value))) return undefined;
    return this.encode(values as string[]) === cursor ? (values as string[]) : undefined;
  }
}

/** Builds a connection from `first + 1` rows fetched after the cursor. */
export function toConnection<R, T>(
  rows: R[],
  first: number,
  totalCount: number,
  keyset: Keyset,
  keyOf: (row: R) => string[],
  toNode: (row: R) => T,
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: keyset.encode(keyOf(row)), node: toNode(row) }));
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
