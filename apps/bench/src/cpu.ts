import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time one request cost, by process, over a peak run: the measured side's own process (the service
 * or its twin), every PostgreSQL process, and this one (the load generator). The two cores are shared,
 * so a side's throughput is about the cores over what one of its requests costs them all: these
 * figures say where a ratio to the twin comes from.
 */
export interface CpuPerRequest {
  ownMs: number;
  /** Null when no PostgreSQL process runs on this machine (DATABASE_URL elsewhere). */
  postgresMs: number | null;
  loadGeneratorMs: number;
}

/**
 * Clock ticks per second of `/proc/<pid>/stat`'s utime and stime: USER_HZ, which Linux fixes at 100
 * for user space on every architecture it runs on.
 */
const TICKS_PER_SECOND = 100;

/** A process's user and system CPU, in ms, from `/proc` (all its threads: a collector's too). */
export function processCpuMs(pid: number, proc = '/proc'): number | null {
  try {
    const stat = readFileSync(`${proc}/${pid}/stat`, 'utf8');
    // the command name, in parentheses, may hold spaces: the fields follow its last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Each PostgreSQL process's CPU (ms) by pid; empty when there is none or no `/proc`. */
export function postgresCpuMs(proc = '/proc'): Map<number, number> {
  const cpu = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync(proc).filter((entry) => /^\d+$/.test(entry));
  } catch {
    return cpu;
  }
  for (const entry of entries) {
    let command: string;
    try {
      command = readFileSync(`${proc}/${entry}/comm`, 'utf8').trim();
    } catch {
      continue; // gone since the listing
    }
    if (command !== 'postgres') continue;
    const ms = processCpuMs(Number(entry), proc);
    if (ms !== null) cpu.set(Number(entry), ms);
  }
  return cpu;
}

/** The CPU PostgreSQL used between two readings: a backend started since counts from its start. */
export function postgresSpentMs(before: Map<number, number>, after: Map<number, number>): number | null {
  if (after.size === 0) return null;
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}

/**
 * Runs `measure` (a peak run against the process `pid`) and divides what each process spent meanwhile by
 * the requests it answered; null where there is no `/proc` to read, or no request was answered.
 */
export async function withCpuPerRequest<T extends { requests: number }>(
  pid: number | undefined,
  measure: () => Promise<T>,
  proc = '/proc',
): Promise<[T, CpuPerRequest | null]> {
  const ownBefore = pid === undefined ? null : processCpuMs(pid, proc);
  const postgresBefore = postgresCpuMs(proc);
  const loadBefore = process.cpuUsage();
  const result = await measure();
  const load = process.cpuUsage(loadBefore);
  const ownAfter = pid === undefined ? null : processCpuMs(pid, proc);
  if (ownBefore === null || ownAfter === null || result.requests <= 0) return [result, null];
  const perRequest = (ms: number) => Math.round((ms / result.requests) * 1000) / 1000;
  const postgres = postgresSpentMs(postgresBefore, postgresCpuMs(proc));
  return [
    result,
    {
      ownMs: perRequest(ownAfter - ownBefore),
      postgresMs: postgres === null ? null : perRequest(postgres),
      loadGeneratorMs: perRequest((load.user + load.system) / 1000),
    },
  ];
}
