// A bounded cache of tokens whose signature and claim set were verified, as API gateways keep; time, key and audience are re-checked on every hit.
import type { webcrypto } from 'node:crypto';
import type { AccessTokenClaims } from './access-token.js';

/** What a full verification established about one exact token string. */
export interface VerifiedToken {
  kid: string;
  /** The published key that verified the signature; a hit is valid only while that key is still published. */
  publicKey: webcrypto.CryptoKey;
  /** The parsed claim set, frozen: every request shares it. */
  claims: AccessTokenClaims;
  tokenId: string;
}

/** Which key is published under a kid right now (the JWKS with its grace period). */
export type PublishedKeyLookup = (kid: string) => { publicKey: webcrypto.CryptoKey } | undefined;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Keyed by the whole compact token, so a hit is a token byte-identical to one whose signature verified
 * (a forged signature over the same claims is another key, and is verified in full). What can change
 * between two uses is re-checked by the caller on every hit (nbf/exp on the mock clock, type, location,
 * organisation); the key is re-checked here: an entry whose key has left the JWKS is dropped. When full,
 * the oldest entry makes room (tokens are short-lived; a client reuses its newest).
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, VerifiedToken>();

  constructor(readonly capacity = 1024) {}

  get size(): number {
    return this.entries.size;
  }

  /** The entry for `token` if its key is still the one published under its kid; else drops it. */
  lookup(token: string, published: PublishedKeyLookup): VerifiedToken | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (published(entry.kid)?.publicKey !== entry.publicKey) {
      this.entries.delete(token);
      return undefined;
    }
    return entry;
  }

  remember(token: string, entry: VerifiedToken): void {
    if (this.capacity <= 0) return;
    if (!this.entries.has(token) && this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { ...entry, claims: deepFreeze(entry.claims) });
  }

  /** Drops every entry whose key is no longer published (called when keys rotate). */
  dropUnpublished(published: PublishedKeyLookup): void {
    for (const [token, entry] of this.entries) {
      if (published(entry.kid)?.publicKey !== entry.publicKey) this.entries.delete(token);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
