// The auth capability as one service: dev PKI and TLS material, flows, signing keys, token issue/verify, faults, log.
import { randomBytes, type webcrypto } from 'node:crypto';
import type { JWK } from 'jose';
import type { Clock } from '../clock/index.js';
import type { Settings } from '../config/index.js';
import { tokenFingerprint } from '../journal/index.js';
import type { IssuedToken, IssueTokenRequest, VerifyExpectation, VerifyResult } from './access-token.js';
import { type AuthFaultControl, createAuthFaults } from './auth-faults.js';
import { type Flow, type FlowsResult, runFlows } from './auth-flows.js';
import { CA_PROFILES } from './ca-profiles.js';
import { caFlow, mdqFlow, tlsfedFlow } from './certificate-flows.js';
import { type DevPkiPaths, ensureDevPki, ensureIssuingCa } from './dev-pki.js';
import { ensureFederationKey, readJwksFile } from './federation-signing.js';
import { type FederationSnapshot, FederationStore } from './federation-store.js';
import { insecureDevFlow } from './insecure-dev-flow.js';
import { signAccessToken, TOKEN_AUDIENCE } from './issue-token.js';
import { IssuedTokenLog, type IssuedTokenRecord } from './issued-token-log.js';
import type { TlsPeer } from './peer-certificate.js';
import { issueServerCertificate, serverHosts } from './server-certificate.js';
import type { AuthFlowName } from './settings.js';
import {
  generateSigningKey,
  type SigningKey,
  type SigningKeyStatus,
  SigningKeyStore,
} from './signing-keys.js';
import type { TransactionRequest } from './transaction-request.js';
import { type TrustedCa, type TrustedCaSource, TrustedCaStore } from './trusted-cas.js';
import { VerifiedTokenCache } from './verified-token-cache.js';
import { verifyAccessToken } from './verify-token.js';

const FLOWS: Record<AuthFlowName, Flow> = { tlsfed: tlsfedFlow, ca: caFlow, mdq: mdqFlow };

/** What the HTTPS server needs: its certificate, and the CAs whose client certificates it accepts. */
export interface AuthTlsMaterial {
  /** The dev CA (PEM): clients trust it for the server certificate. */
  caCertPem: string;
  serverCertPem: string;
  serverKeyPem: string;
  /** The server dev CA plus the CAs CAFlow trusts: the HTTPS server's `ca` option (a hint to clients only). */
  trustedCaPems: string[];
}

export interface AuthService {
  readonly tls: AuthTlsMaterial;
  /** `iss` of every token (read at each issue when the option was a function). */
  readonly issuer: string;
  /** `aud` of every token. */
  readonly audience: string;
  readonly paths: DevPkiPaths;
  /** The federation metadata file in use (`--federation`, else `<stateDir>/federation.json`). */
  readonly federationFile: string;
  readonly clock: Clock;
  /** Fault knobs for token requests (also at `/_mock/auth/faults`). */
  readonly faults: AuthFaultControl;
  /**
   * Mints a token in-process (other capabilities use this, e.g. the SS12000 client's `ss12000-api` tokens).
   * @throws TypeError on a bad organisation number, empty or unknown access, or a bad lifetime.
   * @example
   * const { value } = await auth.issueToken({ organisationNumber: '2021004185', entityId: 'https://skolverket.se',
   *   access: [{ type: 'ss12000-api', locations: [vendorUrl] }], authSource: 'tlsfed' });
   */
  issueToken(request: IssueTokenRequest): Promise<IssuedToken>;
  /** Verifies a token as a receiver must: signature by kid, nbf/exp on the clock, type, location, organisation. */
  verifyAccessToken(token: string | undefined | null, expected: VerifyExpectation): Promise<VerifyResult>;
  /** The public key new tokens are signed with (for /.well-known/public.pem). */
  currentPublicKey(): webcrypto.CryptoKey;
  /** The published keys (current, and retired ones within the grace period). */
  jwks(): { keys: JWK[] };
  rotate(): Promise<{ kid: string; retiredKid: string }>;
  signingKeys(): SigningKeyStatus[];
  federation(): Promise<FederationSnapshot>;
  /** The CAs CAFlow trusts now (re-read when their files change). */
  trustedCas(): readonly TrustedCa[];
  /** Runs the configured flows (and the insecure-dev flow, when on) for one parsed /transaction request. */
  authorize(request: TransactionRequest, peer: TlsPeer): Promise<FlowsResult>;
  issuedTokens(): readonly IssuedTokenRecord[];
  clearIssuedTokens(): void;
  close(): Promise<void>;
}

export interface AuthServiceOptions {
  settings: Settings;
  clock: Clock;
  /**
   * `iss` claim; default the public URL, else `http://localhost:<port>`. A function is called at each
   * issue, for servers that learn their URL only after binding (port 0).
   */
  issuer?: string | (() => string);
}

/** The mock's own root URL, which tokens name as their issuer. */
export function defaultIssuer(settings: Pick<Settings, 'publicUrl' | 'port'>): string {
  return (settings.publicUrl ?? `http://localhost:${settings.port}`).replace(/\/+$/, '');
}

/**
 * Prepares everything the auth capability needs from the state directory (creating the dev CA and the
 * first signing key when missing) and issues this run's server certificate.
 * @throws FederationMetadataError when an explicit `--federation` file is missing or invalid.
 */
export async function createAuthService(options: AuthServiceOptions): Promise<AuthService> {
  const { settings, clock } = options;
  const { ca, paths } = await ensureDevPki(settings.stateDir);
  const server = await issueServerCertificate(ca, serverHosts(settings.publicUrl));
  const keys = await SigningKeyStore.open(
    paths.signingKeys,
    clock,
    settings.keyGracePeriod,
    settings.maxSigningKeys,
  );
  for (const profile of CA_PROFILES) await ensureIssuingCa(settings.stateDir, profile);
  const metadataKey = await ensureFederationKey(paths.federationKey);
  const metadataKeys: JWK[] = [metadataKey.publicJwk];
  if (settings.federationJwks) metadataKeys.push(...readJwksFile(settings.federationJwks));
  const federationFile = settings.federation ?? paths.federation;
  const federation = await FederationStore.open(
    federationFile,
    settings.federation !== undefined,
    () => metadataKeys,
  );
  const caSources: TrustedCaSource[] = settings.caCerts
    ? [{ dir: settings.caCerts, nutidGlob: true }]
    : [{ dir: paths.issuingCas, nested: true }, { dir: paths.approvedCas }];
  const cas = new TrustedCaStore(caSources);
  const flows = settings.authFlows.map((name) => ({ name, run: FLOWS[name] }));
  const faults = createAuthFaults();
  const log = new IssuedTokenLog();
  const issuerOption = options.issuer ?? defaultIssuer(settings);
  const currentIssuer = () => (typeof issuerOption === 'function' ? issuerOption() : issuerOption);
  let unpublished: SigningKey | undefined;
  // Tokens whose signature verified; each use still re-checks key, time and audience (verified-token-cache.ts).
  const verifiedTokens = new VerifiedTokenCache();
  const publishedKey = (kid: string) => keys.published(kid);

  const tls: AuthTlsMaterial = {
    caCertPem: ca.certPem,
    serverCertPem: server.certPem,
    serverKeyPem: server.keyPem,
    trustedCaPems: [ca.certPem, ...cas.pems()],
  };

  return {
    tls,
    get issuer() {
      return currentIssuer();
    },
    audience: TOKEN_AUDIENCE,
    paths,
    federationFile,
    clock,
    faults,
    async issueToken(request) {
      const tokenFaults = [...new Set(request.faults ?? [])];
      let key = keys.current();
      let signer = key;
      if (tokenFaults.includes('unknown-kid') || tokenFaults.includes('bad-signature')) {
        // A throwaway key never published in the JWKS. Under unknown-kid its own kid goes into the header
        // (receivers must answer unknown kid); under bad-signature the current, published kid does, so the
        // signature fails against the published key (receivers must answer bad signature).
        unpublished ??= await generateSigningKey(
          `provtjanst_mock_unpublished_${randomBytes(4).toString('hex')}`,
          clock.now(),
        );
        signer = unpublished;
        if (tokenFaults.includes('unknown-kid')) key = unpublished;
      }
      const { value, claims, access, lifetimeSeconds } = await signAccessToken(request, {
        kid: key.kid,
        privateKey: signer.privateKey,
        issuer: currentIssuer(),
        nowMs: clock.now(),
        defaultLifetimeSeconds: settings.tokenLifetime,
      });
      const tokenId = tokenFingerprint(value);
      log.add({
        tokenId,
        ...(claims.organization_id !== undefined ? { organisationId: claims.organization_id } : {}),
        ...(request.entityId !== undefined ? { entityId: request.entityId } : {}),
        access,
        iat: claims.iat,
        exp: claims.exp,
        kid: key.kid,
        authSource: request.authSource,
        via: request.via ?? 'direct',
        faults: tokenFaults,
        issuedAt: clock.date().toISOString(),
        ...(request.requestId ? { requestId: request.requestId } : {}),
      });
      return {
        value,
        tokenId,
        kid: key.kid,
        claims,
        expiresIn: lifetimeSeconds,
        access,
        faults: tokenFaults,
      };
    },
    verifyAccessToken: (token, expected) => verifyAccessToken(token, expected, keys, clock, verifiedTokens),
    jwks: () => keys.jwks(),
    currentPublicKey: () => keys.current().publicKey,
    async rotate() {
      const rotated = await keys.rotate();
      verifiedTokens.dropUnpublished(publishedKey);
      return rotated;
    },
    signingKeys: () => keys.status(),
    federation: () => federation.snapshot(),
    trustedCas: () => cas.list(),
    authorize(request, peer) {
      const useInsecure = settings.insecureDevAuth && !peer.certificate;
      return runFlows(useInsecure ? [{ name: 'insecure-dev', run: insecureDevFlow }, ...flows] : flows, {
        request,
        peer,
        federation: () => federation.snapshot(),
        trustedCas: () => cas.list(),
        nowMs: clock.now(),
        wallNow: new Date(),
        caOrgIdMandatory: settings.caOrgIdMandatory,
      });
    },
    issuedTokens: () => log.list(),
    clearIssuedTokens: () => log.clear(),
    async close() {
      // Nothing runs in the background; present so callers can treat every service alike.
    },
  };
}
