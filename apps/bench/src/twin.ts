import { createSecretKey, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { JWTPayload, jwtVerify } from 'jose';
import { Pool, PoolClient } from 'pg';
import { RULES_BY_EVENT } from '@haven/alerts/alert-events.listener';
import { ALERT_RULES, alertRuleParams, raiseAllStatement } from '@haven/alerts/alert-rules';
import { unsafeNowSql } from '@haven/placements';
import { loadConfig } from '@haven/platform';

/**
 * The benchmark's baseline ("twin"): each measured operation answered by a bare Node HTTP handler
 * that verifies the same token, runs hand-written SQL through `pg` with the same scope rule, writes
 * the same audit rows in the same transaction, and returns JSON. What is left between it and the
 * service is the cost of the framework, GraphQL and the ORM.
 */

interface Caller {
  practitionerId: string;
  localAuthorityId: string;
}

interface AuditRow {
  action: string;
  entity: string;
  entityId: string;
  childId: string;
  localAuthorityId: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The service's configuration (thresholds, age limits, the "soon after placement" window, the token clock tolerance), as the service reads it. */
const config = loadConfig(process.env);

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
  application_name: 'haven-twin',
});
// a KeyObject once, as the service does
const secret = createSecretKey(Buffer.from(process.env.JWT_SECRET ?? ''));
const verified = new Map<string, JWTPayload>();
const callers = new Map<string, { caller: Caller; until: number }>();

/** HS256 pinned, expiry enforced; a verified token remembered until it expires, as the service does. */
async function claimsOf(token: string): Promise<JWTPayload> {
  const known = verified.get(token);
  if (known && known.exp! > Math.floor(Date.now() / 1000) - config.auth.clockToleranceSeconds) return known;
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], requiredClaims: ['exp'] });
    verified.set(token, payload);
    return payload;
  } catch {
    throw new HttpError(401, 'Invalid token');
  }
}

/** The practitioner looked up once a minute, as the service caches it. */
async function authenticate(request: IncomingMessage): Promise<Caller> {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (!token) throw new HttpError(401, 'No token');
  const claims = await claimsOf(token);
  const cached = callers.get(token);
  if (cached && cached.until > Date.now()) return cached.caller;
  const { rows } = await pool.query<{ id: string; organisation_id: string }>(
    `SELECT p.id, p.organisation_id FROM practitioner p JOIN organisation o ON o.id = p.organisation_id
      WHERE p.subject = $1 AND o.code = $2 AND o.kind = 'LOCAL_AUTHORITY'`,
    [claims.sub, claims.org],
  );
  if (!rows[0]) throw new HttpError(403, 'Unknown practitioner');
  const caller = { practitionerId: rows[0].id, localAuthorityId: rows[0].organisation_id };
  callers.set(token, { caller, until: Date.now() + 60_000 });
  return caller;
}

/** The service's audit writer, by hand: one multi-row insert in the reading transaction. */
async function audit(db: PoolClient, caller: Caller, rows: AuditRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  await db.query(
    `INSERT INTO audit_event (practitioner_id, request_id, action, entity, entity_id, child_id, local_authority_id)
     SELECT $1, $2, e.action, e.entity, e.entity_id, e.child_id, e.local_authority_id
       FROM unnest($3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[])
         AS e(action, entity, entity_id, child_id, local_authority_id)`,
    [
      caller.practitionerId,
      randomUUID(),
      rows.map((row) => row.action),
      rows.map((row) => row.entity),
      rows.map((row) => row.entityId),
      rows.map((row) => row.childId),
      rows.map((row) => row.localAuthorityId),
    ],
  );
  return 1;
}

/**
 * BEGIN, the caller's scope for row-level security (connected as the service's role, as the service
 * is), the work, COMMIT (ROLLBACK on failure); answers what the work returned and its statement count.
 */
async function inTransaction<T>(
  caller: Caller,
  work: (db: PoolClient) => Promise<{ body: T; statements: number }>,
): Promise<{ body: T; statements: number }> {
  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('haven.authority', $1, true)`, [caller.localAuthorityId]);
    const result = await work(db);
    await db.query('COMMIT');
    return { body: result.body, statements: result.statements + 3 };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    db.release();
  }
}

const read = (entity: string, row: { id: string; child_id: string; local_authority_id: string }) => ({
  action: 'READ',
  entity,
  entityId: row.id,
  childId: row.child_id,
  localAuthorityId: row.local_authority_id,
});

interface CaseFileRow {
  id: string;
  child_id: string;
  local_authority_id: string;
  child: Record<string, unknown>;
  placement: { id: string } | null;
  assignment: { id: string } | null;
  episodes: { id: string }[];
  alerts: { id: string }[];
}

/**
 * The case file: child, aliases, whether missing now, current placement (unsafe now or not), active
 * guardian, last 10 episodes, open alerts: the service's answer, by the same definitions.
 */
async function caseFile(caller: Caller, id: string) {
  return inTransaction(caller, async (db) => {
    const { rows } = await db.query<CaseFileRow>(
      `SELECT c.id, c.id AS child_id, c.local_authority_id, to_jsonb(c) - 'search_text' AS child,
              EXISTS (SELECT 1 FROM open_missing_episode m WHERE m.child_id = c.id) AS currently_missing,
              (SELECT jsonb_build_object('code', o.code, 'name', o.name) FROM organisation o
                WHERE o.id = c.local_authority_id) AS authority,
              (SELECT to_jsonb(p) || jsonb_build_object('unsafe_now', ${unsafeNowSql('p')})
                 FROM current_placement p WHERE p.child_id = c.id) AS placement,
              (SELECT to_jsonb(ga) || jsonb_build_object('guardian', jsonb_build_object('id', g.id, 'name', g.name))
                 FROM active_guardian_assignment ga JOIN practitioner g ON g.id = ga.guardian_id
                WHERE ga.child_id = c.id AND ga.scheme <> 'OTHER_ADVOCATE') AS assignment,
              (SELECT coalesce(jsonb_agg(to_jsonb(m) ORDER BY m.missing_since DESC), '[]')
                 FROM (SELECT * FROM missing_episode m WHERE m.child_id = c.id
                        ORDER BY m.missing_since DESC LIMIT 10) m) AS episodes,
              (SELECT coalesce(jsonb_agg(to_jsonb(a) ORDER BY a.raised_at DESC, a.id DESC), '[]')
                 FROM alert a WHERE a.child_id = c.id AND a.status <> 'RESOLVED') AS alerts
         FROM child c WHERE c.id = $1 AND c.local_authority_id = $2`,
      [id, caller.localAuthorityId],
    );
    const file = rows[0];
    if (!file) throw new HttpError(404, 'Child not found');
    const owned = { child_id: file.id, local_authority_id: file.local_authority_id };
    const audited = [
      read('Child', file),
      ...(file.placement ? [read('Placement', { ...owned, id: file.placement.id })] : []),
      ...(file.assignment ? [read('GuardianAssignment', { ...owned, id: file.assignment.id })] : []),
      ...file.episodes.map((episode) => read('MissingEpisode', { ...owned, id: episode.id })),
      ...file.alerts.map((alert) => read('Alert', { ...owned, id: alert.id })),
    ];
    return { body: file, statements: 1 + (await audit(db, caller, audited)) };
  });
}

/**
 * A page of 50 open children matching every word of a search (or, for one word, the authority's own
 * id for the child), newest first, with the total: the service's conditions, and its one statement
 * for page and count (a window over the matches).
 */
async function children(caller: Caller, search: string) {
  const words = search.split(/\s+/).filter(Boolean).slice(0, 8);
  const patterns = words.map((word) => word.replace(/[\\%_]/g, '\\$&'));
  const names = patterns.map((_, index) => `c.search_text LIKE '%' || haven_normalise($${index + 2}) || '%'`);
  const localId = words.length === 1 ? ` OR lower(c.local_child_id) = lower($${patterns.length + 2})` : '';
  const matching = words.length > 0 ? `AND ((${names.join(' AND ')})${localId})` : '';
  return inTransaction(caller, async (db) => {
    const { rows } = await db.query<{
      id: string;
      child_id: string;
      local_authority_id: string;
      total: number;
    }>(
      `SELECT c.id, c.id AS child_id, c.local_authority_id, c.given_name, c.family_name, c.effective_date_of_birth,
              c.age_disputed, c.nationality, c.status, count(*) OVER ()::int AS total
         FROM child c
        WHERE c.local_authority_id = $1 AND c.status = 'OPEN' ${matching}
        ORDER BY c.registered_at DESC, c.id DESC LIMIT 51`,
      [caller.localAuthorityId, ...patterns, ...(localId ? [words[0]] : [])],
    );
    const page = rows.slice(0, 50);
    const statements =
      1 +
      (await audit(
        db,
        caller,
        page.map((row) => read('Child', row)),
      ));
    return { body: { totalCount: rows[0]?.total ?? 0, nodes: page }, statements };
  });
}

/** What the service raises when a child goes missing (CHILD_MISSING, REPEAT_MISSING), by the same rules. */
const RAISE_ON_MISSING = raiseAllStatement(
  ALERT_RULES.filter((rule) => RULES_BY_EVENT.ChildWentMissing.includes(rule.kind)),
)!;

interface ReportMissingInput {
  childId: string;
  missingSince: string;
  circumstances: string;
}

/** Records the episode, raises CHILD_MISSING (and REPEAT_MISSING) for every recipient, and audits, in one transaction. */
async function reportMissing(caller: Caller, input: ReportMissingInput) {
  return inTransaction(caller, async (db) => {
    const { rows } = await db.query<{ id: string; placement_id: string | null; soon: boolean }>(
      `SELECT c.id, p.id AS placement_id,
              haven_soon_after_placement($2::timestamptz, p.started_at, c.arrival_date, $4::int) AS soon
         FROM child c
         LEFT JOIN placement p ON p.child_id = c.id AND tstzrange(p.started_at, p.ended_at, '[)') @> $2::timestamptz
        WHERE c.id = $1 AND c.local_authority_id = $3 FOR UPDATE OF c`,
      [input.childId, input.missingSince, caller.localAuthorityId, config.missing.soonAfterPlacementHours],
    );
    const child = rows[0];
    if (!child) throw new HttpError(404, 'Child not found');
    const inserted = await db.query<{ id: string; child_id: string; local_authority_id: string }>(
      `INSERT INTO missing_episode (child_id, local_authority_id, kind, placement_id, missing_since, circumstances,
                                    soon_after_placement, reported_by)
       VALUES ($1, $2, 'MISSING', $3, $4, $5, $6, $7) RETURNING *`,
      [
        child.id,
        caller.localAuthorityId,
        child.placement_id,
        input.missingSince,
        input.circumstances,
        child.soon,
        caller.practitionerId,
      ],
    );
    const episode = inserted.rows[0];
    await db.query(RAISE_ON_MISSING, alertRuleParams(config, new Date(), { childId: child.id }));
    const statements =
      3 + (await audit(db, caller, [{ ...read('MissingEpisode', episode), action: 'CREATE' }]));
    return { body: episode, statements };
  });
}

async function body(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, string>;
}

async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const caller = await authenticate(request);
  const input = await body(request);
  const url = new URL(request.url ?? '/', 'http://twin');
  const result =
    url.pathname === '/case-file'
      ? await caseFile(caller, input.id)
      : url.pathname === '/children'
        ? await children(caller, input.search)
        : url.pathname === '/report-missing'
          ? await reportMissing(caller, {
              childId: input.childId,
              missingSince: input.missingSince,
              circumstances: input.circumstances,
            })
          : undefined;
  if (!result) throw new HttpError(404, 'No such operation');
  response.writeHead(200, {
    'content-type': 'application/json',
    'x-haven-sql-statements': String(result.statements),
  });
  response.end(JSON.stringify({ data: result.body }));
}

const server = createServer((request, response) => {
  route(request, response).catch((error: unknown) => {
    const status = error instanceof HttpError ? error.status : 500;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Twin listening on http://127.0.0.1:${port}`);
});

process.on('SIGTERM', () => {
  server.close();
  void pool.end();
});
