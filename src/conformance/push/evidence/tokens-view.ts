// Which token each recorded call carried, and which /transaction call issued each token.
import type { Evidence, IssuedTokenRecord } from './evidence.js';
import type { Entry } from './traffic.js';
import { transactionCalls } from './traffic.js';

/** The bearer token's fingerprint: the journal's `tokenId`, else read from the redacted header `Bearer [id]`. */
export function tokenIdOf(entry: Entry): string | undefined {
  if (entry.tokenId) return entry.tokenId;
  const match = /^Bearer \[([^\]]+)\]$/.exec(entry.requestHeaders.authorization ?? '');
  return match?.[1];
}

/** True when the call carried `Authorization: Bearer <token>`. */
export function hasBearer(entry: Entry): boolean {
  return /^Bearer\s+\S/i.test(entry.requestHeaders.authorization ?? '');
}

/** Issued tokens, oldest first. */
export function tokensInOrder(evidence: Evidence): IssuedTokenRecord[] {
  return [...evidence.tokens].sort((a, b) => a.issuedMs - b.issuedMs);
}

/** The /transaction call that was being answered when the token was issued. */
export function transactionFor(evidence: Evidence, token: IssuedTokenRecord): Entry | undefined {
  return transactionCalls(evidence).find(
    (e) => e.timeMs <= token.issuedMs && token.issuedMs <= e.timeMs + Math.max(e.durationMs, 1),
  );
}
