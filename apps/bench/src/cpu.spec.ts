import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresCpuMs, postgresSpentMs, processCpuMs, withCpuPerRequest } from './cpu';

/** A /proc of our own: each process's comm and a stat line with utime and stime in ticks (1/100 s). */
function fakeProc(): {
  proc: string;
  set: (pid: number, comm: string, utime: number, stime: number) => void;
} {
  const proc = mkdtempSync(join(tmpdir(), 'haven-proc-'));
  return {
    proc,
    set: (pid, comm, utime, stime) => {
      mkdirSync(join(proc, String(pid)), { recursive: true });
      writeFileSync(join(proc, String(pid), 'comm'), `${comm}\n`);
      // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
      writeFileSync(
        join(proc, String(pid), 'stat'),
        `${pid} (${comm}) S 1 1 1 0 -1 4194304 10 0 0 0 ${utime} ${stime} 0 0 20 0 1 0 100 0 0\n`,
      );
    },
  };
}

describe("the bench's CPU per request (issue 19)", () => {
  let fake: ReturnType<typeof fakeProc>;
  beforeEach(() => (fake = fakeProc()));
  afterEach(() => rmSync(fake.proc, { recursive: true, force: true }));

  it("reads a process's user and system time, whatever its command name holds", () => {
    fake.set(41, 'node) S 1 (odd', 250, 50);
    expect(processCpuMs(41, fake.proc)).toBe(3000);
    expect(processCpuMs(42, fake.proc)).toBeNull();
  });

  it("counts only PostgreSQL's processes, and a backend started since from its start", () => {
    fake.set(10, 'postgres', 100, 0);
    fake.set(11, 'postgres', 50, 50);
    fake.set(12, 'node', 900, 0);
    const before = postgresCpuMs(fake.proc);
    expect([...before.entries()]).toEqual([
      [10, 1000],
      [11, 1000],
    ]);
    fake.set(10, 'postgres', 130, 0);
    fake.set(13, 'postgres', 2, 0);
    expect(postgresSpentMs(before, postgresCpuMs(fake.proc))).toBe(300 + 0 + 20);
    expect(postgresSpentMs(before, new Map())).toBeNull();
  });

  it('divides what each process spent during the run by the requests answered', async () => {
    fake.set(20, 'node', 100, 0);
    fake.set(30, 'postgres', 100, 0);
    const [result, cpu] = await withCpuPerRequest(
      20,
      () => {
        // the run: 400 requests cost the side 2 s and PostgreSQL 1 s
        fake.set(20, 'node', 250, 50);
        fake.set(30, 'postgres', 200, 0);
        return Promise.resolve({ requests: 400 });
      },
      fake.proc,
    );
    expect(result).toEqual({ requests: 400 });
    expect(cpu?.ownMs).toBe(5);
    expect(cpu?.postgresMs).toBe(2.5);
    expect(cpu?.loadGeneratorMs).toBeGreaterThanOrEqual(0);
  });

  it('says nothing it cannot divide: no process to read, or no request answered', async () => {
    fake.set(20, 'node', 100, 0);
    const none = () => Promise.resolve({ requests: 0 });
    expect((await withCpuPerRequest(20, none, fake.proc))[1]).toBeNull();
    const some = () => Promise.resolve({ requests: 10 });
    expect((await withCpuPerRequest(99, some, fake.proc))[1]).toBeNull();
    expect((await withCpuPerRequest(undefined, some, fake.proc))[1]).toBeNull();
    // without PostgreSQL here (DATABASE_URL elsewhere) its share is unknown, not nothing
    expect((await withCpuPerRequest(20, some, fake.proc))[1]?.postgresMs).toBeNull();
  });

  it('reads this very process on Linux', () => {
    if (process.platform !== 'linux') return;
    expect(processCpuMs(process.pid)).toEqual(expect.any(Number));
  });
});
