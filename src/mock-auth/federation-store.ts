// The federation metadata file the mock reads (verified, re-read when it changes) and `certs issue` signs and appends to.
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { JWK } from 'jose';
import { withFileLock, writeFileAtomic } from './atomic-file.js';
import { certificateThumbprint, spkiPin } from './certificate-fingerprints.js';
import {
  type FederationEntity,
  type FederationMetadata,
  FederationMetadataError,
  parseFederationMetadata,
  parseUnsignedMetadata,
} from './federation-metadata.js';
import { type FederationSigningKey, signFederationMetadata } from './federation-signing.js';
import { parseOrganisationNumber, toOrganisationId } from './organisation-number.js';

export interface FederationSnapshot {
  file: string;
  /** The metadata issuer: tokens' `source`. */
  source?: string;
  iat?: number;
  exp?: number;
  /** Entities by their exact entity id (nutid-auth matches case-sensitively, trailing slash included). */
  entities: ReadonlyMap<string, FederationEntity>;
  /** Why there is no usable metadata (missing file, bad signature, schema), when so. */
  problem?: string;
}

/** `iss` of the metadata `certs issue` writes: the `source` claim of federation tokens. */
export const DEV_FEDERATION_ISSUER = 'provtjanst-mock-federation';
/** How long metadata written by `certs issue` is valid (its `exp` − `iat`). */
export const DEV_FEDERATION_VALID_SECONDS = 365 * 86_400;

function emptySnapshot(file: string, problem: string): FederationSnapshot {
  return { file, entities: new Map(), problem };
}

/**
 * Reads a signed federation file and keeps it fresh: each `snapshot()` re-reads the file when its size or
 * mtime changed, so certificates issued while `serve` runs work at once. A file that turns invalid keeps the
 * last good snapshot (and warns once) instead of failing every token request.
 */
export class FederationStore {
  private current: FederationSnapshot;
  private stamp = '';
  private warned = '';

  private constructor(
    readonly file: string,
    private readonly keys: () => readonly JWK[],
  ) {
    this.current = emptySnapshot(file, `federation file ${file} does not exist`);
  }

  /**
   * @param required when true (an explicit `--federation`), a missing or invalid file throws here.
   * @throws FederationMetadataError
   */
  static async open(file: string, required: boolean, keys: () => readonly JWK[]): Promise<FederationStore> {
    const store = new FederationStore(file, keys);
    if (required && !existsSync(file))
      throw new FederationMetadataError(`federation file ${file} does not exist`);
    await store.refresh(required);
    return store;
  }

  async snapshot(): Promise<FederationSnapshot> {
    await this.refresh(false);
    return this.current;
  }

  private async refresh(throwOnError: boolean): Promise<void> {
    let stamp: string;
    try {
      const stat = statSync(this.file);
      stamp = `${stat.size}:${stat.mtimeMs}`;
    } catch {
      stamp = 'missing';
    }
    if (stamp === this.stamp) return;
    if (stamp === 'missing') {
      this.current = emptySnapshot(this.file, `federation file ${this.file} does not exist`);
      this.stamp = stamp;
      return;
    }
    try {
      const parsed = await parseFederationMetadata(readFileSync(this.file, 'utf8'), this.keys());
      const entities = new Map<string, FederationEntity>();
      for (const entity of parsed.metadata.entities) entities.set(entity.entity_id, entity);
      this.current = {
        file: this.file,
        entities,
        ...(parsed.source !== undefined ? { source: parsed.source } : {}),
        ...(parsed.iat !== undefined ? { iat: parsed.iat } : {}),
        ...(parsed.exp !== undefined ? { exp: parsed.exp } : {}),
      };
      this.stamp = stamp;
    } catch (error) {
      const message = `Federation metadata ${this.file} is invalid: ${(error as Error).message}`;
      if (throwOnError) throw new FederationMetadataError(message);
      if (this.stamp === '') this.current = emptySnapshot(this.file, message);
      if (this.warned !== stamp) console.warn(`[provtjanst-mock] ${message} (keeping the previous metadata)`);
      this.warned = stamp;
    }
  }
}

export interface FederationEntityAddition {
  entityId: string;
  organisationNumber: string;
  organisation?: string;
  /** The client certificate (PEM): listed under the entity's `issuers`, which is what nutid-auth matches. */
  certPem: string;
  description?: string;
}

export interface AppendOptions {
  key: FederationSigningKey;
  /** Wall time by default. */
  nowMs?: number;
  /** `exp` − `iat` of the written metadata; default {@link DEV_FEDERATION_VALID_SECONDS}. */
  validSeconds?: number;
}

export type AppendOutcome = 'created-entity' | 'added-certificate' | 'already-listed';

const sameCertificate = (a: string, b: string) => {
  try {
    return (
      certificateThumbprint(new X509Certificate(a).raw) === certificateThumbprint(new X509Certificate(b).raw)
    );
  } catch {
    return false;
  }
};

/** The entities of the existing file: signed by the dev key, or (an old state directory) plain JSON. */
async function existingMetadata(
  file: string,
  key: FederationSigningKey,
): Promise<FederationMetadata['entities']> {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const unsigned = parseUnsignedMetadata(text);
  if (unsigned && !('payload' in unsigned))
    return (unsigned.entities ?? []) as FederationMetadata['entities'];
  try {
    return (await parseFederationMetadata(text, [key.publicJwk])).metadata.entities;
  } catch (error) {
    throw new Error(
      `${file} is not metadata signed by this state directory's dev metadata key (${(error as Error).message}); the mock cannot add to it`,
    );
  }
}

/**
 * Lists a client certificate under its entity's `issuers` (and its SPKI pin under `clients`, as the
 * metadata format has it) and re-signs the whole file with the dev metadata key. Several certificates may
 * belong to one huvudman, so an existing entity gets another certificate.
 * @throws Error when the entity exists for another organisation, or the file is signed by another key.
 */
export async function appendFederationEntity(
  file: string,
  addition: FederationEntityAddition,
  options: AppendOptions,
): Promise<AppendOutcome> {
  return withFileLock(file, async () => {
    const entities = await existingMetadata(file, options.key);
    const organisationId = toOrganisationId(addition.organisationNumber);
    let entity = entities.find((candidate) => candidate.entity_id === addition.entityId);
    let outcome: AppendOutcome = 'added-certificate';
    if (!entity) {
      entity = {
        entity_id: addition.entityId,
        organization_id: organisationId,
        issuers: [],
        clients: [],
        servers: [],
      };
      if (addition.organisation) entity.organization = addition.organisation;
      entities.push(entity);
      outcome = 'created-entity';
    } else {
      const existing = entity.organization_id ? parseOrganisationNumber(entity.organization_id) : undefined;
      if (existing && existing !== addition.organisationNumber) {
        throw new Error(
          `Entity ${addition.entityId} in ${file} belongs to organisation ${entity.organization_id}, not ${organisationId}; pass another --entity-id`,
        );
      }
      entity.organization_id ??= organisationId;
    }
    entity.issuers = (entity.issuers ?? []).filter((issuer) => typeof issuer?.x509certificate === 'string');
    if (entity.issuers.some((issuer) => sameCertificate(issuer.x509certificate, addition.certPem))) {
      outcome = 'already-listed';
    } else {
      entity.issuers.push({ x509certificate: addition.certPem });
      const pin = spkiPin(new X509Certificate(addition.certPem).raw);
      entity.clients ??= [];
      const first = entity.clients[0];
      if (first)
        first.pins = [
          ...(first.pins ?? []).filter((p) => /^[A-Za-z0-9+/]+={0,2}$/.test(p.digest)),
          { alg: 'sha256', digest: pin },
        ];
      else
        entity.clients.push({
          description: addition.description ?? 'provtjanst-mock client',
          pins: [{ alg: 'sha256', digest: pin }],
        });
    }
    const iat = Math.floor((options.nowMs ?? Date.now()) / 1000);
    const payload: FederationMetadata = {
      version: '1.0.0',
      cache_ttl: 3600,
      iat,
      exp: iat + (options.validSeconds ?? DEV_FEDERATION_VALID_SECONDS),
      iss: DEV_FEDERATION_ISSUER,
      entities,
    };
    writeFileAtomic(file, await signFederationMetadata(payload, options.key));
    return outcome;
  });
}
