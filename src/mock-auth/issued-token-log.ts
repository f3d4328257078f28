// The in-memory record of every token the mock issued, for the conformance runner (e.g. to judge token reuse).
import type { AuthSource, TokenFault } from './access-token.js';
import type { RequestedAccess } from './transaction-request.js';

export interface IssuedTokenRecord {
  /** Fingerprint of the JWT, the same as the journal's `tokenId`. */
  tokenId: string;
  /** The token's `organization_id` (absent when the certificate named none). */
  organisationId?: string;
  /** Federation tokens only. */
  entityId?: string;
  /** What the client asked for (nutid-auth's parsed `access`; may be empty). */
  access: RequestedAccess[];
  /** Seconds since the epoch, as in the claims. */
  iat: number;
  exp: number;
  kid: string;
  /** How the client was identified. */
  authSource: AuthSource;
  /** `transaction`: POST /transaction; `direct`: minted in-process (e.g. by the mock's SS12000 client). */
  via: 'transaction' | 'direct';
  /** Faults the token was issued with (see TOKEN_FAULTS); empty for a good token. */
  faults: TokenFault[];
  /** Clock time of issue, ISO 8601. */
  issuedAt: string;
  requestId?: string;
}

export const ISSUED_TOKEN_LOG_CAPACITY = 10_000;

/** A bounded list, oldest first; the oldest records drop out past the capacity. */
export class IssuedTokenLog {
  private readonly records: IssuedTokenRecord[] = [];

  constructor(private readonly capacity = ISSUED_TOKEN_LOG_CAPACITY) {}

  add(record: IssuedTokenRecord): void {
    this.records.push(record);
    if (this.records.length > this.capacity) this.records.shift();
  }

  list(): readonly IssuedTokenRecord[] {
    return this.records;
  }

  clear(): void {
    this.records.length = 0;
  }
}
