// Writing: the COPY text format, buffers of encoded rows, and loading them in one transaction.

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { z } from 'zod';
import { execute, Nation, queryRow, queryRows } from '@haven/platform';
import { Day, isoOf, timestampText } from './time';
import { ColumnKind, RowSink, TABLES, TableSpec } from './tables';
import { AuthorityRef, NationalOptions, NationalPlan, planNational } from './plan';
import { generateNational } from './generate';
import { Bars } from './progress';

// COPY text format: tab-separated, \N for NULL, backslash escapes; arrays and JSON as literals.

const COPY_SPECIAL = /[\\\t\n\r]/;

export function copyText(value: string): string {
  if (!COPY_SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (ch) =>
    ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r',
  );
}

/** A text[] literal with every element quoted, so that spaces, commas and braces are safe. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

export function copyValue(kind: ColumnKind, value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  switch (kind) {
    case 'text':
      return copyText(value as string);
    case 'int':
      return (value as number).toString();
    case 'bool':
      return value ? 't' : 'f';
    case 'date':
      return isoOf(value as Day);
    case 'ts':
      return timestampText(value as number);
    case 'texts':
      return copyText(arrayLiteral(value as string[]));
    case 'json':
      return copyText(JSON.stringify(value));
  }
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** A table's rows, encoded for COPY as they come, in chunks of bytes outside the JavaScript heap. */
export class CopyBuffer<R> {
  readonly chunks: { bytes: Buffer; rows: number }[] = [];
  rows = 0;
  private readonly columns: [string, ColumnKind][];
  private pending: string[] = [];

  constructor(readonly spec: TableSpec<R>) {
    this.columns = Object.entries<ColumnKind>(spec.columns);
  }

  get statement(): string {
    return `COPY ${this.spec.name} (${this.columns.map(([key]) => snakeCase(key)).join(', ')}) FROM STDIN`;
  }

  add(row: R): void {
    const record = row as Record<string, unknown>;
    let line = '';
    for (let i = 0; i < this.columns.length; i += 1) {
      const [key, kind] = this.columns[i];
      line += (i === 0 ? '' : '\t') + copyValue(kind, record[key]);
    }
    this.pending.push(`${line}\n`);
    this.rows += 1;
    if (this.pending.length >= 2000) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push({ bytes: Buffer.from(this.pending.join(''), 'utf8'), rows: this.pending.length });
    this.pending = [];
  }
}

/** Every table's buffer, in loading order: what a row refers to is loaded before it. */
class CopyBuffers implements RowSink {
  readonly tables = Object.values(TABLES).map((spec) => new CopyBuffer<unknown>(spec as TableSpec<unknown>));
  private readonly byName = new Map(this.tables.map((buffer) => [buffer.spec.name, buffer]));

  add<R>(spec: TableSpec<R>, row: R): void {
    this.byName.get(spec.name)!.add(row);
  }
}

// ---------------------------------------------------------------------------------------------
// Loading.

export interface NationalResult {
  skipped: boolean;
  counts: Record<string, number>;
  generatedMs: number;
  loadedMs: number;
  /** Whether the per-row triggers were skipped (replica mode) or ran. */
  triggersSkipped: boolean;
  hint: { org: string; sub: string; name: string } | null;
}

const ALREADY_LOADED = `SELECT EXISTS (SELECT 1 FROM organisation WHERE code LIKE 'NATIONAL-%')
                           OR EXISTS (SELECT 1 FROM practitioner WHERE subject LIKE 'national-%') AS loaded`;

const SKIPPED: NationalResult = {
  skipped: true,
  counts: {},
  generatedMs: 0,
  loadedMs: 0,
  triggersSkipped: false,
  hint: null,
};

/**
 * Generates the data set and loads it in one transaction with COPY, then analyses the tables. The
 * triggers that keep the child's effective date of birth and "age disputed" flag are skipped where
 * allowed (the generator writes those columns itself); constraints, unique and exclusion indexes
 * still check every row.
 */
export async function loadNational(
  url: string,
  options: NationalOptions,
  log: (line: string) => void,
): Promise<NationalResult> {
  const client = new Client({ connectionString: url, application_name: 'haven-seed-national' });
  await client.connect();
  const bars = new Bars();
  try {
    const { loaded } = await queryRow(client, z.object({ loaded: z.boolean() }), ALREADY_LOADED);
    if (loaded) return SKIPPED;
    const authorities = await queryRows(
      client,
      z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        nation: z.enum(Nation),
      }) satisfies z.ZodType<AuthorityRef>,
      `SELECT id, code, name, nation FROM organisation WHERE kind = 'LOCAL_AUTHORITY' ORDER BY code`,
    );
    const plan = planNational(authorities, options);
    const started = performance.now();
    const buffers = generateBuffers(plan, bars);
    const generatedMs = performance.now() - started;
    const triggersSkipped = await copyAll(client, buffers, bars, log);
    bars.stop();
    // statistics for the planner, and the visibility map that lets index-only scans skip the heap
    await execute(client, 'VACUUM ANALYZE');
    return {
      skipped: false,
      counts: Object.fromEntries(buffers.map((buffer) => [buffer.spec.name, buffer.rows])),
      generatedMs,
      loadedMs: performance.now() - started - generatedMs,
      triggersSkipped,
      hint: tokenHint(plan),
    };
  } finally {
    bars.stop();
    await client.end();
  }
}

function generateBuffers(plan: NationalPlan, bars: Bars): CopyBuffer<unknown>[] {
  const buffers = new CopyBuffers();
  const progress = bars.create('generate (children)', plan.children);
  generateNational(plan, buffers, (done) => progress.update(done));
  buffers.tables.forEach((buffer) => buffer.flush());
  return buffers.tables;
}

/** Every table in one transaction: a failure leaves nothing behind, and a rerun starts afresh. */
async function copyAll(
  client: Client,
  buffers: readonly CopyBuffer<unknown>[],
  bars: Bars,
  log: (line: string) => void,
): Promise<boolean> {
  await execute(client, 'BEGIN');
  try {
    const triggersSkipped = await skipTriggers(client, log);
    for (const buffer of buffers) await copy(client, buffer, bars);
    await execute(client, 'COMMIT');
    return triggersSkipped;
  } catch (error) {
    await execute(client, 'ROLLBACK');
    throw error;
  }
}

/** Replica mode skips per-row triggers (and foreign-key triggers) for this transaction; superusers only. */
async function skipTriggers(client: Client, log: (line: string) => void): Promise<boolean> {
  await execute(client, 'SAVEPOINT replica');
  try {
    await execute(client, 'SET LOCAL session_replication_role = replica');
    await execute(client, 'RELEASE SAVEPOINT replica');
    return true;
  } catch (error) {
    await execute(client, 'ROLLBACK TO SAVEPOINT replica');
    log(
      `Cannot skip triggers (${(error as Error).message}): loading with every trigger on, which is slower, ` +
        'and the age-assessment trigger stamps updated_at with the load time',
    );
    return false;
  }
}

async function copy(client: Client, buffer: CopyBuffer<unknown>, bars: Bars): Promise<void> {
  const bar = bars.create(buffer.spec.name, buffer.rows);
  function* chunks() {
    let done = 0;
    for (const chunk of buffer.chunks) {
      yield chunk.bytes;
      done += chunk.rows;
      bar.update(done);
    }
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(buffer.statement)));
  bar.update(buffer.rows);
}

function tokenHint(plan: NationalPlan): NationalResult['hint'] {
  const authority = plan.authorities.find((a) => a.code === 'E10000016') ?? plan.authorities[0];
  if (!authority) return null;
  const worker = authority.workers[0];
  return { org: authority.code, sub: worker.subject, name: worker.name };
}
