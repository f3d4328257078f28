// ES256 signing keys kept as JWK files in the state directory: the current key, rotation, and the JWKS with grace.
import type { webcrypto } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { z } from 'zod';
import type { Clock } from '../clock/index.js';
import { writeFileAtomic } from './atomic-file.js';

/** A public key as published in the JWKS: nutid-auth's members, in its order, with no `use` or `alg`. */
export interface PublicSigningJwk extends JWK {
  kty: 'EC';
  kid: string;
  crv: 'P-256';
  x: string;
  y: string;
}

export interface SigningKey {
  kid: string;
  createdAtMs: number;
  retiredAtMs?: number;
  privateKey: webcrypto.CryptoKey;
  publicKey: webcrypto.CryptoKey;
  publicJwk: PublicSigningJwk;
}

export interface SigningKeyStatus {
  kid: string;
  createdAt: string;
  retiredAt?: string;
  /** When the key leaves the JWKS (retired + grace period); absent for the current key. */
  inJwksUntil?: string;
  current: boolean;
  inJwks: boolean;
}

const keyFileSchema = z.object({
  kid: z.string().min(1),
  createdAt: z.iso.datetime(),
  retiredAt: z.iso.datetime().optional(),
  jwk: z.looseObject({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string(),
    y: z.string(),
    d: z.string(),
  }),
});

const FILE_SUFFIX = '.jwk.json';

/** Default most keys kept (current + rotated-out ones in their grace period); `--max-signing-keys`. */
export const DEFAULT_MAX_SIGNING_KEYS = 10;

/** Newest first: by creation time, then by the kid's sequence number (keys made in the same instant). */
function newerFirst(a: SigningKey, b: SigningKey): number {
  const sequence = (key: SigningKey) => Number(/_(\d+)$/.exec(key.kid)?.[1] ?? 0);
  return b.createdAtMs - a.createdAtMs || sequence(b) - sequence(a);
}

function yyyymmdd(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');
}

/** Makes a fresh ES256 key with the given kid. */
export async function generateSigningKey(kid: string, createdAtMs: number): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  return { kid, createdAtMs, privateKey, publicKey, publicJwk: publicJwkOf(kid, jwk) };
}

function publicJwkOf(kid: string, jwk: JWK): PublicSigningJwk {
  return { kty: 'EC', kid, crv: 'P-256', x: String(jwk.x), y: String(jwk.y) };
}

/**
 * The signing keys of one state directory. Files are `<dir>/<kid>.jwk.json` holding the private JWK, so
 * tokens survive restarts. kids look like `provtjanst_mock_20260901_1` (date of creation, sequence).
 */
export class SigningKeyStore {
  private keys: SigningKey[] = [];

  private constructor(
    private readonly dir: string,
    private readonly clock: Clock,
    private readonly graceSeconds: number,
    private readonly maxKeys: number,
  ) {}

  /**
   * Loads every key in `dir`, creating the first one if there is none. At most `maxKeys` are kept: past
   * that, the oldest rotated-out keys leave the JWKS (and the disk) before their grace period ends.
   */
  static async open(
    dir: string,
    clock: Clock,
    graceSeconds: number,
    maxKeys = DEFAULT_MAX_SIGNING_KEYS,
  ): Promise<SigningKeyStore> {
    if (!Number.isInteger(maxKeys) || maxKeys < 2)
      throw new TypeError('maxKeys must be an integer of at least 2');
    const store = new SigningKeyStore(dir, clock, graceSeconds, maxKeys);
    await store.load();
    if (!store.keys.some((key) => key.retiredAtMs === undefined)) await store.add();
    store.prune();
    return store;
  }

  /** The key new tokens are signed with: the newest one not retired. */
  current(): SigningKey {
    const active = this.keys.filter((key) => key.retiredAtMs === undefined);
    const newest = active.sort(newerFirst)[0];
    if (!newest) throw new Error('no current signing key');
    return newest;
  }

  /** A key still published (current, or retired within the grace period) with this kid. */
  published(kid: string): SigningKey | undefined {
    return this.keys.find((key) => key.kid === kid && this.isPublished(key));
  }

  /** The JWKS document: public parts of every published key, current first. */
  jwks(): { keys: PublicSigningJwk[] } {
    const current = this.current();
    const others = this.keys.filter((key) => key !== current && this.isPublished(key));
    return { keys: [current, ...others].map((key) => ({ ...key.publicJwk })) };
  }

  /** Retires the current key (it stays published for the grace period) and makes a new current key. */
  async rotate(): Promise<{ kid: string; retiredKid: string }> {
    const old = this.current();
    const fresh = await this.add();
    old.retiredAtMs = this.clock.now();
    await this.persist(old);
    this.prune();
    return { kid: fresh.kid, retiredKid: old.kid };
  }

  status(): SigningKeyStatus[] {
    const current = this.current();
    return this.keys.map((key) => ({
      kid: key.kid,
      createdAt: new Date(key.createdAtMs).toISOString(),
      ...(key.retiredAtMs !== undefined
        ? {
            retiredAt: new Date(key.retiredAtMs).toISOString(),
            inJwksUntil: new Date(key.retiredAtMs + this.graceSeconds * 1000).toISOString(),
          }
        : {}),
      current: key === current,
      inJwks: this.isPublished(key),
    }));
  }

  private isPublished(key: SigningKey): boolean {
    if (key.retiredAtMs === undefined) return true;
    return this.clock.now() < key.retiredAtMs + this.graceSeconds * 1000;
  }

  private async add(): Promise<SigningKey> {
    const now = this.clock.now();
    const prefix = `provtjanst_mock_${yyyymmdd(now)}_`;
    // One past the highest sequence in use today: a kid is never reused, even after the cap deleted its key
    // (a token signed by the deleted key must keep failing as unknown_kid, and newer keys sort first).
    const sequenceOf = (kid: string) => (kid.startsWith(prefix) ? Number(kid.slice(prefix.length)) || 0 : 0);
    let sequence = 1 + Math.max(0, ...this.keys.map((key) => sequenceOf(key.kid)));
    while (existsSync(join(this.dir, `${prefix}${sequence}${FILE_SUFFIX}`))) sequence++;
    const key = await generateSigningKey(`${prefix}${sequence}`, now);
    await this.persist(key);
    this.keys.push(key);
    return key;
  }

  private async persist(key: SigningKey): Promise<void> {
    const jwk = await exportJWK(key.privateKey);
    const file = {
      kid: key.kid,
      createdAt: new Date(key.createdAtMs).toISOString(),
      ...(key.retiredAtMs !== undefined ? { retiredAt: new Date(key.retiredAtMs).toISOString() } : {}),
      jwk: { ...jwk, kid: key.kid, use: 'sig', alg: 'ES256' },
    };
    writeFileAtomic(join(this.dir, `${key.kid}${FILE_SUFFIX}`), `${JSON.stringify(file, null, 2)}\n`, 0o600);
  }

  /**
   * Deletes keys whose grace period is over (they can never verify anything again), then, past `maxKeys`,
   * the oldest rotated-out keys: unauthenticated rotations cannot grow the JWKS without bound.
   */
  private prune(): void {
    const current = this.current();
    const retiredNewestFirst = this.keys.filter((key) => key !== current).sort(newerFirst);
    const keptRetired = retiredNewestFirst.filter((key) => this.isPublished(key)).slice(0, this.maxKeys - 1);
    for (const key of retiredNewestFirst) {
      if (keptRetired.includes(key)) continue;
      rmSync(join(this.dir, `${key.kid}${FILE_SUFFIX}`), { force: true });
    }
    this.keys = [current, ...keptRetired];
  }

  private async load(): Promise<void> {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir).sort()) {
      if (!name.endsWith(FILE_SUFFIX)) continue;
      const path = join(this.dir, name);
      // A private key readable by others (copied in, or written by an older version) is narrowed to 0600.
      if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
      const parsed = keyFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (!parsed.success)
        throw new Error(`Signing key file ${path} is invalid: ${parsed.error.issues[0]?.message}`);
      const { kid, createdAt, retiredAt, jwk } = parsed.data;
      const privateKey = await importJWK({ ...jwk, alg: 'ES256' }, 'ES256', { extractable: true });
      const { d: _private, ...publicPart } = jwk;
      const publicKey = await importJWK({ ...publicPart, alg: 'ES256' }, 'ES256');
      if (privateKey instanceof Uint8Array || publicKey instanceof Uint8Array) {
        throw new Error(`Signing key file ${path} does not hold an EC key`);
      }
      this.keys.push({
        kid,
        createdAtMs: Date.parse(createdAt),
        ...(retiredAt ? { retiredAtMs: Date.parse(retiredAt) } : {}),
        privateKey,
        publicKey,
        publicJwk: publicJwkOf(kid, publicPart),
      });
    }
    // Keys left active by an interrupted rotation are retired when the newer key was made.
    const active = this.keys.filter((key) => key.retiredAtMs === undefined);
    const newest = active.sort(newerFirst)[0];
    for (const key of active) if (key !== newest) key.retiredAtMs = newest?.createdAtMs ?? this.clock.now();
  }
}
