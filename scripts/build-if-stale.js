#!/usr/bin/env node
/**
 * Builds the project only when the build is stale, so that `npm run token`, `npm run seed` and the other
 * commands that need dist/ answer in about a second when nothing has changed.
 *
 * The build is current when dist/.build-stamp.json exists, every app's dist/apps/<app>/src/main.js exists,
 * and nothing under the inputs (apps/, libs/, migrations/, types/, tsconfig*.json, nest-cli.json,
 * package-lock.json: files and folders, so that a deleted or renamed file counts too; not the unit specs,
 * which are not built) is newer than the
 * newest input the stamp recorded. The newest input is read BEFORE the build, so a file saved while the
 * build runs makes the next run build again. A failed build writes no stamp (nest deletes dist/ first).
 *
 *   node scripts/build-if-stale.js             build if stale (nest build api), silent when current
 *   node scripts/build-if-stale.js --check     exit 0 when current, 1 when stale; build nothing
 *   node scripts/build-if-stale.js --force     build anyway
 *   node scripts/build-if-stale.js -- CMD ...  build with CMD instead of nest build api (used by its tests)
 *
 * Everything it and the build print goes to standard error: standard output stays the command's own
 * (`TOKEN=$(npm run token -- ...)`).
 */
'use strict';
const {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} = require('node:fs');
const { join, relative } = require('node:path');
const { spawnSync } = require('node:child_process');

const INPUT_DIRS = ['apps', 'libs', 'migrations', 'types'];
const INPUT_FILES = /^(tsconfig.*\.json|nest-cli\.json|package-lock\.json)$/;
const STAMP = join('dist', '.build-stamp.json');

/** The newest modification time among the inputs, and the path that has it. */
function newestInput(root) {
  let newest = { mtimeMs: 0, path: '' };
  const consider = (path) => {
    const mtimeMs = statSync(path).mtimeMs;
    if (mtimeMs > newest.mtimeMs) newest = { mtimeMs, path: relative(root, path) };
  };
  const walk = (dir) => {
    consider(dir);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      // unit specs sit beside the code but are not built (tsconfig.build.json excludes them)
      else if (entry.isFile() && !entry.name.endsWith('.spec.ts')) consider(path);
    }
  };
  for (const dir of INPUT_DIRS) if (existsSync(join(root, dir))) walk(join(root, dir));
  for (const name of readdirSync(root)) if (INPUT_FILES.test(name)) consider(join(root, name));
  return newest;
}

/** Why the build is stale, or undefined when it is current. */
function staleness(root) {
  const stampPath = join(root, STAMP);
  if (!existsSync(stampPath)) return 'no successful build recorded';
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
  } catch {
    return 'the build stamp is unreadable';
  }
  if (!existsSync(join(root, 'apps'))) return undefined;
  for (const app of readdirSync(join(root, 'apps'))) {
    if (!existsSync(join(root, 'apps', app, 'src', 'main.ts'))) continue;
    if (!existsSync(join(root, 'dist', 'apps', app, 'src', 'main.js')))
      return `dist/apps/${app}/src/main.js is missing`;
  }
  const newest = newestInput(root);
  if (typeof stamp.newestInputMs !== 'number' || newest.mtimeMs > stamp.newestInputMs)
    return `${newest.path} changed since the last build`;
  return undefined;
}

function build(root, command) {
  const before = newestInput(root);
  // a build that fails part-way must not leave an earlier stamp vouching for what it left behind
  rmSync(join(root, STAMP), { force: true });
  const [file, ...args] = command;
  // the build's own output goes to standard error, as does ours
  const result = spawnSync(file, args, { cwd: root, stdio: ['inherit', 2, 2] });
  if (result.error) {
    process.stderr.write(`Could not run ${file}: ${result.error.message}\n`);
    return 1;
  }
  if (result.status !== 0) return result.status ?? 1;
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(
    join(root, STAMP),
    JSON.stringify({
      newestInputMs: before.mtimeMs,
      newestInput: before.path,
      builtAt: new Date().toISOString(),
    }) + '\n',
  );
  return 0;
}

function main(argv) {
  const root = process.cwd();
  const separator = argv.indexOf('--');
  const flags = separator === -1 ? argv : argv.slice(0, separator);
  const command =
    separator === -1
      ? [join(root, 'node_modules', '.bin', 'nest'), 'build', 'api']
      : argv.slice(separator + 1);
  const reason = flags.includes('--force') ? 'asked to (--force)' : staleness(root);
  if (flags.includes('--check')) {
    if (reason) process.stderr.write(`The build is stale: ${reason}\n`);
    return reason ? 1 : 0;
  }
  if (!reason) return 0;
  process.stderr.write(`Building (${reason})...\n`);
  return build(root, command);
}

process.exitCode = main(process.argv.slice(2));
