// TLS-federation metadata as nutid-auth reads it: a signed JWS (compact or JSON), verified, schema-checked, iat/exp.
import { compactVerify, createLocalJWKSet, flattenedVerify, generalVerify, type JWK } from 'jose';
import { z } from 'zod';

const pinSchema = z.looseObject({
  alg: z.string(),
  digest: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'digest must be standard base64'),
});

const endpointSchema = z.looseObject({
  description: z.string().nullish(),
  base_uri: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  pins: z.array(pinSchema),
});

const issuerSchema = z.looseObject({ x509certificate: z.string() });

export const federationEntitySchema = z.looseObject({
  entity_id: z.string().min(1),
  organization: z.string().nullish(),
  /** Copied verbatim into the token's `organization_id` (nutid-auth does not normalise it). */
  organization_id: z.string().nullish(),
  /** The certificates a client of this entity may present: nutid-auth matches the TLS certificate against these. */
  issuers: z.array(issuerSchema),
  servers: z.array(endpointSchema).nullish(),
  clients: z.array(endpointSchema).nullish(),
  extensions: z.record(z.string(), z.unknown()).nullish(),
});

export const federationMetadataSchema = z.looseObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version must look like 1.0.0'),
  /** Must be present (null allowed), as nutid-auth's schema demands. */
  cache_ttl: z.number().int().nullable(),
  iat: z.number().optional(),
  exp: z.number().optional(),
  iss: z.string().optional(),
  entities: z.array(federationEntitySchema),
});

export type FederationEntity = z.output<typeof federationEntitySchema>;
export type FederationMetadata = z.output<typeof federationMetadataSchema>;

export interface ParsedFederation {
  metadata: FederationMetadata;
  /** The metadata issuer (`iss` of the payload, else of the JWS header): tokens' `source`. */
  source?: string;
  /** Seconds since the epoch; entities are used only while `iat ≤ now ≤ exp`. */
  iat?: number;
  exp?: number;
}

/** Thrown when metadata cannot be used; the message names what is wrong. */
export class FederationMetadataError extends Error {
  readonly code = 'invalid_federation_metadata';
  constructor(message: string) {
    super(message);
    this.name = 'FederationMetadataError';
  }
}

interface Verified {
  payload: Uint8Array;
  protectedHeader: Record<string, unknown>;
}

/** Verifies a compact or JSON-serialised JWS against `keys` (by the header's kid). */
async function verifyJws(text: string, keys: readonly JWK[]): Promise<Verified> {
  if (!keys.length) throw new FederationMetadataError('no key is trusted to verify federation metadata');
  const keySet = createLocalJWKSet({ keys: [...keys] });
  const trimmed = text.trim();
  try {
    if (/^[\w-]+\.[\w-]+\.[\w-]+$/.test(trimmed)) {
      const { payload, protectedHeader } = await compactVerify(trimmed, keySet);
      return { payload, protectedHeader: protectedHeader as Record<string, unknown> };
    }
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      throw new FederationMetadataError('the metadata is neither a compact JWS nor JSON');
    }
    if (!json || typeof json !== 'object' || typeof (json as { payload?: unknown }).payload !== 'string') {
      throw new FederationMetadataError(
        'the metadata is not a signed JWS (nutid-auth accepts signed metadata only)',
      );
    }
    const result =
      'signatures' in json
        ? await generalVerify(json as Parameters<typeof generalVerify>[0], keySet)
        : await flattenedVerify(json as Parameters<typeof flattenedVerify>[0], keySet);
    return {
      payload: result.payload,
      protectedHeader: (result.protectedHeader ?? {}) as Record<string, unknown>,
    };
  } catch (error) {
    if (error instanceof FederationMetadataError) throw error;
    throw new FederationMetadataError(`the metadata signature does not verify: ${(error as Error).message}`);
  }
}

/**
 * Verifies and parses signed metadata. In strict mode (nutid-auth's default) one bad entity rejects the file.
 * @throws FederationMetadataError
 */
export async function parseFederationMetadata(text: string, keys: readonly JWK[]): Promise<ParsedFederation> {
  const { payload, protectedHeader } = await verifyJws(text, keys);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    throw new FederationMetadataError('the JWS payload is not JSON');
  }
  const parsed = federationMetadataSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new FederationMetadataError(issues.slice(0, 5).join('; '));
  }
  const metadata = parsed.data;
  const fromHeader = (name: string) =>
    typeof protectedHeader[name] === 'number' || typeof protectedHeader[name] === 'string'
      ? protectedHeader[name]
      : undefined;
  const iat = metadata.iat ?? (fromHeader('iat') as number | undefined);
  const exp = metadata.exp ?? (fromHeader('exp') as number | undefined);
  const source = metadata.iss ?? (fromHeader('iss') as string | undefined);
  return {
    metadata,
    ...(source !== undefined ? { source } : {}),
    ...(typeof iat === 'number' ? { iat } : {}),
    ...(typeof exp === 'number' ? { exp } : {}),
  };
}

/** Reads unsigned metadata JSON (an old state directory's federation.json), for re-signing only. */
export function parseUnsignedMetadata(text: string): Partial<FederationMetadata> | undefined {
  try {
    const json = JSON.parse(text) as unknown;
    if (json && typeof json === 'object' && Array.isArray((json as { entities?: unknown }).entities)) {
      return json as Partial<FederationMetadata>;
    }
  } catch {
    // not JSON
  }
  return undefined;
}
