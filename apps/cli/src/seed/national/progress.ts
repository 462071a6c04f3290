// Progress bars for the load.

import { MultiBar, Presets, SingleBar } from 'cli-progress';

/** Progress bars on stderr, one per step, with rows per second and the time left. */
export class Bars {
  private readonly multi = new MultiBar(
    {
      format: ' {step} |{bar}| {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      // a log file gets a line every few seconds instead of an animated bar
      noTTYOutput: true,
      notTTYSchedule: 5_000,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );

  create(step: string, total: number): { update(done: number): void } {
    const started = performance.now();
    const bar: SingleBar = this.multi.create(Math.max(total, 1), 0, { step: step.padEnd(20), rate: 0 });
    return {
      update: (done: number) => {
        const seconds = (performance.now() - started) / 1000;
        bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds) : 0 });
      },
    };
  }

  /** Idempotent: the bars stop once the load is done, or when it fails. */
  stop(): void {
    if (this.multi.isActive) this.multi.stop();
  }
}
