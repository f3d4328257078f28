// The federation metadata file the mock reads (re-read when it changes) and `certs issue` appends to.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { withFileLock, writeFileAtomic } from './atomic-file.js';
import {
  DEFAULT_FEDERATION_SOURCE,
  type FederationEntity,
  type FederationMetadata,
  FederationMetadataError,
  type ParsedFederation,
  parseFederationMetadata,
} from './federation-metadata.js';
import { parseOrganisationNumber, toOrganisationId } from './organisation-number.js';

export interface FederationSnapshot {
  file: string;
  source: string;
  entities: ReadonlyMap<string, FederationEntity>;
}

const withoutTrailingSlash = (id: string) => id.replace(/\/+$/, '');

function snapshotOf(file: string, parsed: ParsedFederation): FederationSnapshot {
  const entities = new Map<string, FederationEntity>();
  for (const entity of parsed.metadata.entities) entities.set(withoutTrailingSlash(entity.entity_id), entity);
  return { file, source: parsed.source, entities };
}

/**
 * Reads a federation file and keeps it fresh: each `snapshot()` re-reads the file when its size or mtime
 * changed, so certificates issued while `serve` runs work at once. A file that turns invalid keeps the
 * last good snapshot (and warns once) instead of failing token requests.
 */
export class FederationStore {
  private current: FederationSnapshot;
  private stamp = '';
  private warned = '';

  /**
   * @param required when true (an explicit `--federation`), a missing or invalid file throws here.
   * @throws FederationMetadataError
   */
  constructor(
    readonly file: string,
    required: boolean,
  ) {
    this.current = { file, source: DEFAULT_FEDERATION_SOURCE, entities: new Map() };
    if (required && !existsSync(file))
      throw new FederationMetadataError(`federation file ${file} does not exist`);
    this.refresh(true);
  }

  snapshot(): FederationSnapshot {
    this.refresh(false);
    return this.current;
  }

  /** The entity with this id (a trailing slash is tolerated), if the metadata lists it. */
  findEntity(entityId: string): FederationEntity | undefined {
    return this.snapshot().entities.get(withoutTrailingSlash(entityId));
  }

  private refresh(throwOnError: boolean): void {
    let stamp: string;
    try {
      const stat = statSync(this.file);
      stamp = `${stat.size}:${stat.mtimeMs}`;
    } catch {
      stamp = 'missing';
    }
    if (stamp === this.stamp) return;
    if (stamp === 'missing') {
      this.current = { file: this.file, source: DEFAULT_FEDERATION_SOURCE, entities: new Map() };
      this.stamp = stamp;
      return;
    }
    try {
      this.current = snapshotOf(this.file, parseFederationMetadata(readFileSync(this.file, 'utf8')));
      this.stamp = stamp;
    } catch (error) {
      const message = `Federation metadata ${this.file} is invalid: ${(error as Error).message}`;
      if (throwOnError) throw new FederationMetadataError(message);
      if (this.warned !== stamp) console.warn(`[provtjanst-mock] ${message} (keeping the previous metadata)`);
      this.warned = stamp;
    }
  }
}

export interface FederationEntityAddition {
  entityId: string;
  organisationNumber: string;
  organisation?: string;
  /** SPKI pin (base64 SHA-256) of the client certificate. */
  pin: string;
  /** PEM of the CA that issued the certificate; listed under `issuers`. */
  issuerPem?: string;
  description?: string;
}

export type AppendOutcome = 'created-entity' | 'added-pin' | 'already-listed';

/**
 * Adds a client pin to an entity in a plain-JSON federation file, creating the file or the entity as
 * needed. Several certificates may belong to one huvudman, so an existing entity gets another pin.
 * @throws Error when the entity exists for another organisation, or the file is a signed JWS.
 */
export async function appendFederationEntity(
  file: string,
  addition: FederationEntityAddition,
): Promise<AppendOutcome> {
  return withFileLock(file, () => {
    let metadata: FederationMetadata = { version: '1.0.0', entities: [] };
    if (existsSync(file)) {
      const parsed = parseFederationMetadata(readFileSync(file, 'utf8'));
      if (parsed.signed) throw new Error(`${file} is signed metadata (JWS); the mock cannot add to it`);
      metadata = parsed.metadata;
    }
    const organisationId = toOrganisationId(addition.organisationNumber);
    const id = withoutTrailingSlash(addition.entityId);
    let entity = metadata.entities.find((candidate) => withoutTrailingSlash(candidate.entity_id) === id);
    let outcome: AppendOutcome = 'added-pin';
    if (!entity) {
      entity = { entity_id: addition.entityId, organization_id: organisationId, issuers: [], clients: [] };
      if (addition.organisation) entity.organization = addition.organisation;
      metadata.entities.push(entity);
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
    entity.clients ??= [];
    const clients = entity.clients;
    if (clients.some((client) => client.pins.some((pin) => pin.digest === addition.pin))) {
      outcome = 'already-listed';
    } else if (clients[0]) {
      clients[0].pins.push({ alg: 'sha256', digest: addition.pin });
    } else {
      clients.push({
        description: addition.description ?? 'provtjanst-mock client',
        pins: [{ alg: 'sha256', digest: addition.pin }],
      });
    }
    if (
      addition.issuerPem &&
      !entity.issuers.some((issuer) => issuer.x509certificate?.trim() === addition.issuerPem?.trim())
    ) {
      entity.issuers.push({ x509certificate: addition.issuerPem });
    }
    writeFileAtomic(file, `${JSON.stringify(metadata, null, 2)}\n`);
    return outcome;
  });
}
