// TLS-federation metadata (draft-halen-fed-tls-auth shape): schema, parsing from JSON or an unverified JWS.
import { z } from 'zod';

const pinSchema = z.looseObject({
  alg: z.literal('sha256'),
  digest: z.string().regex(/^[A-Za-z0-9+/_-]+={0,2}$/, 'digest must be base64'),
});

const endpointSchema = z.looseObject({
  description: z.string().optional(),
  base_uri: z.string().optional(),
  tags: z.array(z.string()).optional(),
  pins: z.array(pinSchema),
});

const issuerSchema = z.looseObject({ x509certificate: z.string().optional() });

export const federationEntitySchema = z.looseObject({
  entity_id: z.string().min(1),
  organization: z.string().optional(),
  /** `SE5567044268` (also accepted: `5567044268`, `556704-4268`). */
  organization_id: z.string().optional(),
  /** Root CAs allowed to issue the entity's certificates; when listed, the client certificate must chain to one. */
  issuers: z.array(issuerSchema).default([]),
  servers: z.array(endpointSchema).optional(),
  clients: z.array(endpointSchema).optional(),
});

export const federationMetadataSchema = z.looseObject({
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/)
    .default('1.0.0'),
  cache_ttl: z.number().int().positive().optional(),
  /** Mock extension: what tokens say in `source`. (In signed metadata the JWS header's `iss` is used.) */
  issuer: z.string().optional(),
  entities: z.array(federationEntitySchema),
});

export type FederationEntity = z.output<typeof federationEntitySchema>;
export type FederationMetadata = z.output<typeof federationMetadataSchema>;
export type FederationPin = z.output<typeof pinSchema>;

/** `source` claim for tokens from metadata that names no issuer. */
export const DEFAULT_FEDERATION_SOURCE = 'provtjanst-mock-federation';

export interface ParsedFederation {
  metadata: FederationMetadata;
  /** Value of the `source` claim: the JWS `iss`, the file's `issuer`, or the default. */
  source: string;
  /** True when the file was a JWS (its signature is not checked by the mock). */
  signed: boolean;
}

/** Thrown when metadata cannot be read; the message names what is wrong. */
export class FederationMetadataError extends Error {
  readonly code = 'invalid_federation_metadata';
  constructor(message: string) {
    super(message);
    this.name = 'FederationMetadataError';
  }
}

function decodeSegment(segment: string, what: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw new FederationMetadataError(`the JWS ${what} is not base64url-encoded JSON`);
  }
}

/** Splits the JWS forms real federations publish into header and payload, or returns the plain JSON. */
function unwrap(text: string): { payload: unknown; header?: unknown } {
  const trimmed = text.trim();
  if (/^[\w-]+\.[\w-]+\.[\w-]*$/.test(trimmed)) {
    const [header, payload] = trimmed.split('.');
    return {
      header: decodeSegment(header ?? '', 'header'),
      payload: decodeSegment(payload ?? '', 'payload'),
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (error) {
    throw new FederationMetadataError(`not JSON and not a compact JWS: ${(error as Error).message}`);
  }
  if (json && typeof json === 'object' && 'payload' in json && typeof json.payload === 'string') {
    // JWS JSON serialisation: { payload, signatures: [{ protected, signature }] } or flattened { protected, ... }.
    const record = json as { payload: string; protected?: unknown; signatures?: { protected?: unknown }[] };
    const protectedHeader = record.protected ?? record.signatures?.[0]?.protected;
    return {
      payload: decodeSegment(record.payload, 'payload'),
      ...(typeof protectedHeader === 'string' ? { header: decodeSegment(protectedHeader, 'header') } : {}),
    };
  }
  return { payload: json };
}

/**
 * Parses metadata from plain JSON, a compact JWS, or a JWS JSON serialisation. Signatures are NOT
 * verified: the mock trusts the file it was given.
 * @throws FederationMetadataError
 */
export function parseFederationMetadata(text: string): ParsedFederation {
  const { payload, header } = unwrap(text);
  const parsed = federationMetadataSchema.safeParse(payload);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new FederationMetadataError(issues.slice(0, 5).join('; '));
  }
  const headerIss =
    header && typeof header === 'object' && 'iss' in header && typeof header.iss === 'string'
      ? header.iss
      : undefined;
  return {
    metadata: parsed.data,
    source: headerIss ?? parsed.data.issuer ?? DEFAULT_FEDERATION_SOURCE,
    signed: header !== undefined,
  };
}

/** Every client pin digest of an entity (the `clients[].pins[]` with alg sha256). */
export function clientPins(entity: FederationEntity): string[] {
  return (entity.clients ?? []).flatMap((client) => client.pins.map((pin) => pin.digest));
}
