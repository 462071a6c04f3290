// Random numbers: one seeded stream per purpose and index, so that no child depends on another.

import * as prand from 'pure-rand';
import { Weighted } from '../national-data';

export const STREAM = {
  authorities: 1,
  staff: 2,
  child: 3,
  guardians: 4,
  contacts: 5,
  meetings: 6,
  providers: 7,
  localIds: 8,
};

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** The murmur3 finaliser: a bijection on 32-bit integers that scatters neighbouring seeds. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * The authority's own person id for a child (its case-management system's, which the SSDA903 return
 * joins on): ten digits, from the seed and the child's index alone, so the child's own stream draws
 * nothing more. Distinct indexes give distinct ids, because mix32 is a bijection.
 */
export function localChildIdOf(seed: number, index: number): string {
  const base = mix32(mix32(seed) ^ Math.imul(STREAM.localIds, 0x9e3779b1));
  return String(1_000_000_000 + (mix32((base + index) | 0) >>> 0));
}

export class Random {
  private readonly rng: prand.RandomGenerator;

  constructor(seed: number) {
    this.rng = prand.xoroshiro128plus(seed);
    // xoroshiro's first outputs echo a small seed
    prand.unsafeSkipN(this.rng, 16);
  }

  /** Distinct indexes of one stream always get distinct seeds: mix32 is a bijection. */
  static stream(seed: number, stream: number, index: number): Random {
    return new Random(mix32((mix32(mix32(seed) ^ Math.imul(stream, 0x9e3779b1)) + index) | 0));
  }

  int(from: number, to: number): number {
    return prand.unsafeUniformIntDistribution(from, to, this.rng);
  }

  /** In [0, 1). */
  float(): number {
    return (this.rng.unsafeNext() >>> 0) / 4_294_967_296;
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  weighted<T>(options: Weighted<T>): T {
    let total = 0;
    for (const [, weight] of options) total += weight;
    let target = this.float() * total;
    for (const [value, weight] of options) {
      target -= weight;
      if (target < 0) return value;
    }
    return options[options.length - 1][0];
  }

  /** Log-normal around a median: durations and counts with a long tail. */
  logNormal(median: number, sigma: number): number {
    const radius = Math.sqrt(-2 * Math.log(1 - this.float()));
    return median * Math.exp(sigma * radius * Math.cos(2 * Math.PI * this.float()));
  }

  /** A version 4 UUID whose random bits come from this stream. */
  uuid(): string {
    const a = this.rng.unsafeNext() >>> 0;
    const b = this.rng.unsafeNext() >>> 0;
    const c = this.rng.unsafeNext() >>> 0;
    const d = this.rng.unsafeNext() >>> 0;
    return `${hex8(a)}-${hex4(b >>> 16)}-${hex4((b & 0x0fff) | 0x4000)}-${hex4(((c >>> 16) & 0x3fff) | 0x8000)}-${hex4(c & 0xffff)}${hex8(d)}`;
  }
}

function hex8(n: number): string {
  return HEX[n >>> 24] + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255];
}

function hex4(n: number): string {
  return HEX[(n >>> 8) & 255] + HEX[n & 255];
}
