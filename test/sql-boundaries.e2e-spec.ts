import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Client } from 'pg';
import { Capability, OWNERSHIP, SQL_CROSSINGS } from '../migrations/ownership';
import { createTestDatabase, databaseUrl, dropTestDatabase } from './support/database';

const ROOT = join(__dirname, '..');

/** The migrated schema as PostgreSQL has it: tables, views and the functions no extension brought. */
async function schemaObjects(
  url: string,
): Promise<{ tables: string[]; views: string[]; functions: string[] }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: relations } = await client.query<{ name: string; kind: string }>(
      `SELECT c.relname AS name, c.relkind AS kind FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
          AND c.relname <> 'schema_migration'
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                           AND d.objid = c.oid AND d.deptype = 'e')`,
    );
    const { rows: functions } = await client.query<{ name: string }>(
      `SELECT DISTINCT p.proname AS name FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                           AND d.objid = p.oid AND d.deptype = 'e')`,
    );
    return {
      tables: relations.filter((r) => r.kind === 'r' || r.kind === 'p').map((r) => r.name),
      views: relations.filter((r) => r.kind === 'v' || r.kind === 'm').map((r) => r.name),
      functions: functions.map((f) => f.name),
    };
  } finally {
    await client.end();
  }
}

function sourcesOf(library: Capability): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)],
    );
  return walk(join(ROOT, 'libs', library, 'src')).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.endsWith('generated.ts'),
  );
}

const escape = (name: string): string => name.replace(/[^a-z0-9_]/g, '');

/**
 * Issue 18, item 2: a library's SQL names its own tables and other capabilities' published views and
 * functions, never their tables (but for the reviewed crossings in migrations/ownership.ts) nor their
 * internal functions. Read from the sources, with the table names taken from the migrated database,
 * so that a table added without an owner fails here too.
 */
describe('SQL boundaries between capabilities', () => {
  let database: string;
  let schema: Awaited<ReturnType<typeof schemaObjects>>;
  const owners = Object.entries(OWNERSHIP) as [Capability, (typeof OWNERSHIP)[Capability]][];

  beforeAll(async () => {
    database = await createTestDatabase();
    schema = await schemaObjects(databaseUrl(database));
  });
  afterAll(() => dropTestDatabase(database));

  it('gives every table, view and function the migrations create exactly one owner', () => {
    const declared = owners.flatMap(([, ownership]) => [
      ...ownership.tables,
      ...ownership.published,
      ...('internal' in ownership ? ownership.internal : []),
    ]);
    expect(declared.filter((name, index) => declared.indexOf(name) !== index)).toEqual([]);
    expect(
      [...schema.tables, ...schema.views, ...schema.functions]
        .filter((name) => !declared.includes(name))
        .sort(),
    ).toEqual([]);
    const tables = owners.flatMap(([, ownership]) => ownership.tables);
    expect(tables.filter((name) => !schema.tables.includes(name))).toEqual([]);
    expect(
      owners
        .flatMap(([, ownership]) => ownership.published)
        .filter((name) => !schema.views.includes(name) && !schema.functions.includes(name)),
    ).toEqual([]);
  });

  it('finds no library naming another capability’s tables or internal functions beyond the reviewed crossings', () => {
    const found = new Map<string, Set<string>>();
    const reviewed = new Set(SQL_CROSSINGS.map((crossing) => `${crossing.library} → ${crossing.table}`));
    const violations: string[] = [];
    for (const [library] of owners) {
      const foreignTables = owners.filter(([owner]) => owner !== library).flatMap(([, o]) => o.tables);
      const foreignInternal = owners
        .filter(([owner]) => owner !== library)
        .flatMap(([, o]) => ('internal' in o ? o.internal : []));
      const tablePattern = new RegExp(
        `\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|ONLY)\\s+(${foreignTables.map(escape).join('|')})\\b|` +
          `\\.(?:from|into|update|delete)\\(\\s*['"\`](${foreignTables.map(escape).join('|')})['"\`]`,
        'g',
      );
      // a call, not a grant naming the function (`GRANT EXECUTE ON FUNCTION f(...)`, when the service's role is provisioned)
      const internalPattern = new RegExp(
        `(?<!FUNCTION\\s+)\\b(${foreignInternal.map(escape).join('|')})\\s*\\(`,
        'g',
      );
      for (const file of sourcesOf(library)) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(tablePattern)) {
          const key = `${library} → ${match[1] ?? match[2]}`;
          found.set(key, (found.get(key) ?? new Set()).add(relative(ROOT, file)));
        }
        for (const match of text.matchAll(internalPattern))
          violations.push(`${relative(ROOT, file)} calls ${match[1]}(), internal to its owner`);
      }
    }
    for (const [key, files] of found)
      if (!reviewed.has(key)) violations.push(`${key} in ${[...files].join(', ')}: not a reviewed crossing`);
    for (const key of reviewed)
      if (!found.has(key)) violations.push(`${key} no longer crosses: take it off SQL_CROSSINGS`);
    expect(violations).toEqual([]);
  });
});
