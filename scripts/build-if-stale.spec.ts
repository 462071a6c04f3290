import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * scripts/build-if-stale.js, run as a process against a small project of its own, with a stand-in build
 * that counts how often it runs (and can be told to fail, or to save a source file while it runs).
 */
const SCRIPT = join(__dirname, 'build-if-stale.js');
const FAKE_BUILD = `
const fs = require('fs');
fs.appendFileSync('builds.log', 'x');
if (fs.existsSync('fail-build')) process.exit(2);
if (fs.existsSync('edit-during-build')) { fs.writeFileSync('libs/a/src/a.ts', 'export const a = 2;'); }
for (const app of ['api', 'cli']) {
  fs.mkdirSync('dist/apps/' + app + '/src', { recursive: true });
  fs.writeFileSync('dist/apps/' + app + '/src/main.js', '');
}
console.log('built: this line must not reach standard output');
`;

let root: string;
// every input is given a fixed time in the past, so that a later edit is newer whatever the file system's clock
const PAST = new Date('2026-01-01T00:00:00Z');
const LATER = new Date('2026-01-02T00:00:00Z');

function write(path: string, text: string, time = PAST): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
  utimesSync(join(root, path), time, time);
}

function age(path: string, time = PAST): void {
  utimesSync(join(root, path), time, time);
}

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SCRIPT, ...args, '--', process.execPath, 'fake-build.js'], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const builds = () =>
  existsSync(join(root, 'builds.log')) ? readFileSync(join(root, 'builds.log'), 'utf8').length : 0;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'haven-build-if-stale-'));
  writeFileSync(join(root, 'fake-build.js'), FAKE_BUILD);
  write('apps/api/src/main.ts', '');
  write('apps/cli/src/main.ts', '');
  write('libs/a/src/a.ts', 'export const a = 1;');
  write('migrations/index.ts', '');
  write('tsconfig.json', '{}');
  write('tsconfig.build.json', '{}');
  write('nest-cli.json', '{}');
  write('package-lock.json', '{}');
  write('README.md', '');
  for (const dir of [
    'apps/api/src',
    'apps/api',
    'apps/cli/src',
    'apps/cli',
    'apps',
    'libs/a/src',
    'libs/a',
    'libs',
  ])
    age(dir);
  age('migrations');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('build-if-stale', () => {
  it('builds when nothing has been built, then not again while nothing changes', () => {
    const first = run();
    expect(first.status).toBe(0);
    expect(builds()).toBe(1);
    expect(first.stderr).toContain('Building (no successful build recorded)');
    const second = run();
    expect(second.status).toBe(0);
    expect(builds()).toBe(1);
    expect(second.stderr).toBe('');
  });

  it('prints nothing of its own or of the build on standard output (TOKEN=$(npm run token) stays the token)', () => {
    const result = run();
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('built: this line must not reach standard output');
  });

  it.each([
    ['a source file edited', () => write('libs/a/src/a.ts', 'export const a = 3;', LATER)],
    ['a file added', () => write('libs/a/src/b.ts', '', LATER)],
    ['a migration added', () => write('migrations/0099-new.ts', '', LATER)],
    ['tsconfig.build.json changed', () => write('tsconfig.build.json', '{ }', LATER)],
    ['nest-cli.json changed', () => write('nest-cli.json', '{ }', LATER)],
    ['package-lock.json changed (a package updated)', () => write('package-lock.json', '{ }', LATER)],
  ])('builds again after %s', (_what, change) => {
    run();
    change();
    const result = run();
    expect(result.status).toBe(0);
    expect(builds()).toBe(2);
    expect(result.stderr).toMatch(/changed since the last build/);
    run();
    expect(builds()).toBe(2);
  });

  it('builds again after a file is deleted (its folder changes)', () => {
    write('libs/a/src/gone.ts', '');
    age('libs/a/src');
    run();
    unlinkSync(join(root, 'libs/a/src/gone.ts'));
    utimesSync(join(root, 'libs/a/src'), LATER, LATER);
    run();
    expect(builds()).toBe(2);
  });

  it('does not build for a change outside the inputs (README.md, test/, an edited unit spec)', () => {
    run();
    write('README.md', 'changed', LATER);
    write('test/x.e2e-spec.ts', '', LATER);
    // a unit spec beside the code, in a folder that already held it: tsconfig.build.json excludes specs
    write('libs/a/src/a.spec.ts', '');
    age('libs/a/src');
    run();
    write('libs/a/src/a.spec.ts', 'changed', LATER);
    run();
    expect(builds()).toBe(1);
  });

  it('builds again when an app’s output is missing (dist/ deleted or partly built)', () => {
    run();
    rmSync(join(root, 'dist/apps/cli/src/main.js'));
    const result = run();
    expect(result.stderr).toContain('dist/apps/cli/src/main.js is missing');
    expect(builds()).toBe(2);
  });

  it('fails with the build’s exit code, records nothing, and builds again next time', () => {
    run();
    write('libs/a/src/a.ts', 'broken', LATER);
    writeFileSync(join(root, 'fail-build'), '');
    const failed = run();
    expect(failed.status).toBe(2);
    expect(existsSync(join(root, 'dist/.build-stamp.json'))).toBe(false);
    unlinkSync(join(root, 'fail-build'));
    expect(run().status).toBe(0);
    expect(builds()).toBe(3);
  });

  it('a file saved while the build runs makes the next run build again', () => {
    writeFileSync(join(root, 'edit-during-build'), '');
    run();
    unlinkSync(join(root, 'edit-during-build'));
    // the edit has the file system's present time: newer than every input read before the build
    run();
    expect(builds()).toBe(2);
  });

  it('--check says whether the build is current without building; --force builds anyway', () => {
    const stale = run('--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('The build is stale: no successful build recorded');
    expect(builds()).toBe(0);
    run();
    expect(run('--check').status).toBe(0);
    run('--force');
    expect(builds()).toBe(2);
  });
});

describe('build-if-stale on this project', () => {
  it('answers in well under a second when the build is current', () => {
    // only meaningful after a build; CI builds before the tests (pretest)
    const check = spawnSync(process.execPath, [SCRIPT, '--check'], {
      cwd: join(__dirname, '..'),
      encoding: 'utf8',
    });
    if (check.status !== 0) return;
    const started = process.hrtime.bigint();
    const again = spawnSync(process.execPath, [SCRIPT], { cwd: join(__dirname, '..'), encoding: 'utf8' });
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(again.status).toBe(0);
    expect(again.stderr).toBe('');
    expect(elapsedMs).toBeLessThan(1000);
  });
});
