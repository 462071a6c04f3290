import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp } from './support/test-app';

/** Issue 15, items 9 and 10: a quick developer loop, and clear failures at start. */
const ROOT = join(__dirname, '..');
const ESC = '\u001b[';

function npm(args: string[], env: Record<string, string> = {}) {
  return spawnSync('npm', args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 600_000,
  });
}

describe('the developer loop', () => {
  it('npm run token prints the token alone on standard output (npm’s banner goes to standard error), with no rebuild when the build is current', () => {
    // the e2e run built the service just before (pretest), so the build is current
    const result = npm(
      ['run', 'token', '--', '--role', 'SOCIAL_WORKER', '--org', 'E09000017', '--sub', 'sw-1'],
      {
        NODE_ENV: 'development',
        JWT_SECRET: '',
        JWKS_URL: '',
      },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(result.stderr).toContain('> haven@0.1.0 token');
    expect(result.stderr).not.toContain('Building');
  });

  it('npm’s own errors are not silenced', () => {
    const result = npm(['run', 'no-such-script']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('Missing script: "no-such-script"');
  });

  it('no colour codes in the service’s output when it is not a terminal (and colours with FORCE_COLOR=1)', async () => {
    // the test harness sets NO_COLOR=1 itself: unset it here, so that the service decides
    const plain = await TestApp.start({ NO_COLOR: '' });
    try {
      const output = plain.output.join('');
      // (a route Nest maps as it starts: the output was read)
      expect(output).toContain('Mapped {/health, GET}');
      expect(output).not.toContain(ESC);
    } finally {
      await plain.close();
    }
    const coloured = await TestApp.start({ NO_COLOR: '', FORCE_COLOR: '1' });
    try {
      expect(coloured.output.join('')).toContain(ESC);
    } finally {
      await coloured.close();
    }
  });
});

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

(asRoot ? describe : describe.skip)('as root, a DATA_DIR the postgres user cannot reach', () => {
  let closed: string;
  beforeAll(() => {
    // a folder of root's, mode 700, inside /root (itself 700)
    closed = mkdtempSync('/root/haven-closed-');
    chmodSync(closed, 0o700);
  });
  afterAll(() => {
    rmSync(closed, { recursive: true, force: true });
  });

  it.each([
    ['the service', 'dist/apps/api/src/main.js', []],
    ['the worker', 'dist/apps/worker/src/main.js', []],
    ['the command line (migrate)', 'dist/apps/cli/src/main.js', ['migrate']],
  ])('%s says so in one line with the fix, and exits 1', (_what, main, args: string[]) => {
    const dataDir = join(closed, 'data');
    const result = spawnSync(process.execPath, [join(ROOT, main), ...args], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        PORT: '0',
        NO_COLOR: '1',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    // the first folder on the way that it cannot pass: /root itself (usually 700) or the folder made here
    const blocked = (statSync('/root').mode & 0o001) === 0 ? '/root' : closed;
    expect(lines[0]).toBe(
      `Invalid configuration: DATA_DIR: the embedded PostgreSQL runs as the postgres user, who cannot reach ${dataDir} ` +
        `(${blocked} is mode 700): set DATA_DIR to a folder it can reach, e.g. /var/lib/haven, or set DATABASE_URL`,
    );
    expect(result.stdout).not.toMatch(/\bat \S+ \(/);
  });
});

if (!asRoot) console.warn('Not root: the DATA_DIR-out-of-reach tests (as root only) are skipped');
