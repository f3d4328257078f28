// A small, fast, seeded PRNG (sfc32) with named sub-streams, so every draw of the generator is reproducible.
import { createHash } from 'node:crypto';

/** A deterministic source of random numbers; never reads the wall clock or Math.random. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  int(max: number): number;
  /** An integer in [min, max] (both inclusive). */
  between(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A random UUID shaped as version 4 (RFC 4122 variant), drawn from this stream. */
  uuid(): string;
  /** A new independent stream whose seed is this stream's seed plus `label`. */
  fork(label: string): SeededRandom;
}

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Creates a stream from any seed text: SHA-256 of the seed gives sfc32's 128-bit state, so `"1"` and `1`
 * (stringified) give the same stream and nearby seeds give unrelated streams.
 * @example const random = createSeededRandom('42'); random.int(10);
 */
export function createSeededRandom(seed: string): SeededRandom {
  const digest = createHash('sha256').update(seed).digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);

  const nextUint32 = (): number => {
    // sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG): passes PractRand, 32-bit integer ops only.
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm-up: the first outputs of sfc32 are still correlated with the seed words.
  for (let i = 0; i < 12; i++) nextUint32();

  const random: SeededRandom = {
    next: () => nextUint32() / 4_294_967_296,
    int: (max) => Math.floor((nextUint32() / 4_294_967_296) * max),
    between: (min, max) => min + Math.floor((nextUint32() / 4_294_967_296) * (max - min + 1)),
    chance: (p) => nextUint32() / 4_294_967_296 < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new TypeError('pick() needs a non-empty array');
      return items[Math.floor((nextUint32() / 4_294_967_296) * items.length)] as T;
    },
    uuid() {
      const w0 = nextUint32();
      const w1 = nextUint32();
      const w2 = nextUint32();
      const w3 = nextUint32();
      const bytes = [
        w0 >>> 24,
        (w0 >>> 16) & 255,
        (w0 >>> 8) & 255,
        w0 & 255,
        w1 >>> 24,
        (w1 >>> 16) & 255,
        ((w1 >>> 8) & 0x0f) | 0x40, // version 4
        w1 & 255,
        ((w2 >>> 24) & 0x3f) | 0x80, // RFC 4122 variant
        (w2 >>> 16) & 255,
        (w2 >>> 8) & 255,
        w2 & 255,
        w3 >>> 24,
        (w3 >>> 16) & 255,
        (w3 >>> 8) & 255,
        w3 & 255,
      ].map((byte) => HEX[byte] as string);
      return `${bytes.slice(0, 4).join('')}-${bytes.slice(4, 6).join('')}-${bytes.slice(6, 8).join('')}-${bytes
        .slice(8, 10)
        .join('')}-${bytes.slice(10).join('')}`;
    },
    fork: (label) => createSeededRandom(`${seed}\u0000${label}`),
  };
  return random;
}
