import autocannon from 'autocannon';
import { Agent, request as httpRequest } from 'node:http';

/** One HTTP request of an operation: each call may name another child, search term or token. */
export interface RequestSpec {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export type NextRequest = () => RequestSpec;

/** Whether an answer is a success: GraphQL errors still arrive with HTTP 200, so bodies are read. */
export type CheckAnswer = (status: number, body: string) => boolean;

export interface PeakResult {
  rps: number;
  requests: number;
  failures: number;
  /** The first failed answer, to say what went wrong. */
  failed?: string;
}

export interface LatencyResult {
  rate: number;
  requests: number;
  failures: number;
  failed?: string;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

/** Peak throughput: autocannon keeps `connections` requests in flight for the whole duration. */
export async function peak(
  baseUrl: string,
  next: NextRequest,
  check: CheckAnswer,
  options: { connections: number; seconds: number },
): Promise<PeakResult> {
  let failures = 0;
  let failed: string | undefined;
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({ ...request, ...next(), method: 'POST' }),
        onResponse: (status, body) => {
          if (check(status, body)) return;
          failures += 1;
          failed ??= `HTTP ${status}: ${body.slice(0, 500)}`;
        },
      },
    ],
  });
  failures += result.errors + result.timeouts + result.non2xx;
  return { rps: result.requests.average, requests: result.requests.total, failures, failed };
}

/**
 * Latency under a fixed arrival rate (an open model): requests are sent on schedule whether or not
 * earlier ones have answered, and each latency is measured from when its request was due, so a
 * stall shows in the percentiles instead of slowing the load down (no coordinated omission).
 */
export async function fixedRate(
  baseUrl: string,
  next: NextRequest,
  check: CheckAnswer,
  options: { rate: number; seconds: number },
): Promise<LatencyResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const target = new URL(baseUrl);
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  let failures = 0;
  let failed: string | undefined;
  const total = Math.max(1, Math.round(options.rate * options.seconds));
  const interval = 1000 / options.rate;
  const start = performance.now();

  const send = (due: number) =>
    new Promise<void>((resolveSent) => {
      const spec = next();
      const request = httpRequest(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: 'POST',
          path: spec.path,
          headers: { ...spec.headers, 'content-length': Buffer.byteLength(spec.body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            latencies.push(performance.now() - due);
            const body = Buffer.concat(chunks).toString('utf8');
            if (!check(response.statusCode ?? 0, body)) {
              failures += 1;
              failed ??= `HTTP ${response.statusCode}: ${body.slice(0, 500)}`;
            }
            resolveSent();
          });
        },
      );
      request.on('error', (error) => {
        failures += 1;
        failed ??= error.message;
        resolveSent();
      });
      request.end(spec.body);
    });

  for (let sent = 0; sent < total; sent += 1) {
    const due = start + sent * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolveWait) => setTimeout(resolveWait, wait));
    pending.push(send(due));
  }
  await Promise.all(pending);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rate: options.rate,
    requests: total,
    failures,
    failed,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
  };
}

/** Nearest-rank percentile of sorted values, in milliseconds to one decimal. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[rank] * 10) / 10;
}
