import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blockedForPostgres, postgresCannotReach } from './embedded-postgres';

/** As root, the embedded server runs as `postgres`: every folder on the way to DATA_DIR must let it pass. */
describe('whether the postgres user can reach DATA_DIR', () => {
  let root: string;
  // a user who owns none of these folders and is in none of their groups
  const stranger = { uid: 987_654, gids: [987_654] };
  const owner = () => ({ uid: process.getuid!(), gids: [987_654] });
  const group = () => ({ uid: 987_654, gids: [process.getgid!()] });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'haven-reach-'));
    chmodSync(root, 0o755);
    mkdirSync(join(root, 'closed/inner'), { recursive: true });
  });
  afterEach(() => {
    chmodSync(join(root, 'closed'), 0o755);
    rmSync(root, { recursive: true, force: true });
  });

  it('passes folders others may enter (mode 755, 711)', () => {
    chmodSync(join(root, 'closed'), 0o711);
    expect(blockedForPostgres(join(root, 'closed/inner/data'), stranger)).toBeUndefined();
  });

  it('names the first folder it may not enter (mode 700, owned by another user)', () => {
    chmodSync(join(root, 'closed'), 0o700);
    expect(blockedForPostgres(join(root, 'closed/inner/data'), stranger)).toBe(join(root, 'closed'));
  });

  it('the data folder itself does not count (it is made 0755 at start)', () => {
    chmodSync(join(root, 'closed'), 0o700);
    expect(blockedForPostgres(join(root, 'closed'), stranger)).toBeUndefined();
  });

  it('lets the owner through a 700 folder, and a member of its group through a 750 one (not a 700 one)', () => {
    chmodSync(join(root, 'closed'), 0o700);
    expect(blockedForPostgres(join(root, 'closed/inner/data'), owner())).toBeUndefined();
    expect(blockedForPostgres(join(root, 'closed/inner/data'), group())).toBe(join(root, 'closed'));
    chmodSync(join(root, 'closed'), 0o750);
    expect(blockedForPostgres(join(root, 'closed/inner/data'), group())).toBeUndefined();
  });

  it('says so in one line, with the fix', () => {
    chmodSync(join(root, 'closed'), 0o700);
    const message = postgresCannotReach(join(root, 'closed/inner/data'), join(root, 'closed')).message;
    expect(message).toBe(
      `Invalid configuration: DATA_DIR: the embedded PostgreSQL runs as the postgres user, who cannot reach ${root}/closed/inner/data ` +
        `(${root}/closed is mode 700): set DATA_DIR to a folder it can reach, e.g. /var/lib/haven, or set DATABASE_URL`,
    );
    expect(message).not.toContain('\n');
  });
});
