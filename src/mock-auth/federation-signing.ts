// The dev metadata key: signs the TLS-federation metadata `certs issue` writes, and `serve` trusts it.
import type { webcrypto } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { exportJWK, FlattenedSign, generateKeyPair, importJWK, type JWK } from 'jose';
import { withFileLock, writeFileAtomic } from './atomic-file.js';

export interface FederationSigningKey {
  kid: string;
  privateKey: webcrypto.CryptoKey;
  /** The public JWK `serve` verifies metadata with. */
  publicJwk: JWK;
}

/** kid of the dev metadata key (there is one per state directory). */
export const DEV_METADATA_KID = 'provtjanst-mock-metadata';

async function readKey(file: string): Promise<FederationSigningKey> {
  const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  const privateKey = (await importJWK({ ...jwk, alg: 'ES256' }, 'ES256')) as webcrypto.CryptoKey;
  const { d: _private, ...publicJwk } = jwk;
  return {
    kid: String(jwk.kid ?? DEV_METADATA_KID),
    privateKey,
    publicJwk: { ...publicJwk, alg: 'ES256', use: 'sig' },
  };
}

/** Loads the dev metadata key from `file`, creating it (ES256, mode 0600) when missing. */
export async function ensureFederationKey(file: string): Promise<FederationSigningKey> {
  if (!existsSync(file)) {
    await withFileLock(file, async () => {
      if (existsSync(file)) return;
      const { privateKey } = await generateKeyPair('ES256', { extractable: true });
      const jwk = { ...(await exportJWK(privateKey)), kid: DEV_METADATA_KID };
      writeFileAtomic(file, `${JSON.stringify(jwk, null, 2)}\n`, 0o600);
    });
  }
  return readKey(file);
}

/** The metadata as a flattened JWS JSON document (`{payload, protected, signature}`), signed with `key`. */
export async function signFederationMetadata(payload: unknown, key: FederationSigningKey): Promise<string> {
  const jws = await new FlattenedSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .sign(key.privateKey);
  return `${JSON.stringify(jws, null, 2)}\n`;
}

/** The keys of a JWKS file (`--federation-jwks`). @throws Error when it is not a JWKS. */
export function readJwksFile(file: string): JWK[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { keys?: unknown };
  if (!Array.isArray(json.keys)) throw new Error(`${file} is not a JWKS ({"keys":[…]})`);
  return json.keys as JWK[];
}
