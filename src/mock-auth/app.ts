// The authorization server's public routes, as nutid-auth serves them: /transaction, its discovery, keys and health.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { exportSPKI } from 'jose';
import type { AppEnv } from '../app-env.js';
import type { MockUrls, Settings } from '../config/index.js';
import {
  respondWithAuthFailure,
  respondWithBodyParseError,
  respondWithInternalError,
} from './auth-errors.js';
import type { AuthService } from './auth-service.js';
import { readTlsPeer } from './peer-certificate.js';
import { decodeTransactionBody } from './transaction-body.js';
import { parseTransactionRequest } from './transaction-request.js';

/** Largest /transaction body read (a real request is a few hundred bytes). */
export const TRANSACTION_BODY_LIMIT_BYTES = 64 * 1024;

export interface AuthAppOptions {
  auth: AuthService;
  urls: MockUrls;
  settings: Pick<Settings, 'insecureDevAuth' | 'httpsPort' | 'publicUrl' | 'clientCertHeader'>;
}

/** nutid-auth's GNAP discovery document (OPTIONS /transaction), for the given grant endpoint. */
export function discoveryDocument(grantRequestEndpoint: string) {
  return {
    grant_request_endpoint: grantRequestEndpoint,
    interaction_start_modes_supported: ['redirect', 'user_code', 'user_code_uri'],
    interaction_finish_methods_supported: ['redirect', 'push'],
    key_proofs_supported: ['mtls', 'jws', 'jwsd'],
    assertion_formats_supported: ['saml2'],
    key_rotation_supported: false,
  };
}

/** Mounted at `/`. */
export function createAuthApp({ auth, settings }: AuthAppOptions) {
  const app = new Hono<AppEnv>();

  // No Cache-Control on the key documents, as nutid-auth.
  app.get('/.well-known/jwks.json', (c) => c.json(auth.jwks()));
  app.get('/.well-known/jwk.json', (c) => c.json(auth.jwks().keys[0]));
  app.get('/.well-known/public.pem', async (c) => {
    const pem = await exportSPKI(auth.currentPublicKey());
    return c.body(pem, 200, { 'content-type': 'application/x-pem-file' });
  });
  app.get('/status/healthy', (c) => c.json({ status: 'STATUS_OK_' }));

  app.options('/transaction', (c) => {
    // A CORS preflight is the CORS middleware's (any origin allowed); anything else is GNAP discovery.
    if (c.req.header('access-control-request-method')) {
      return c.body(null, 200, {
        'access-control-allow-origin': c.req.header('origin') ?? '*',
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT',
        'access-control-allow-headers': c.req.header('access-control-request-headers') ?? '*',
      });
    }
    // nutid-auth names the absolute URL the request was addressed to (behind its proxy: the public one).
    const base = settings.publicUrl?.replace(/\/+$/, '') ?? new URL(c.req.url).origin;
    return c.json(discoveryDocument(`${base}/transaction`));
  });
  app.on(['GET', 'PUT', 'DELETE', 'PATCH'], '/transaction', (c) =>
    c.json({ detail: 'Method Not Allowed' }, 405, { allow: 'POST, OPTIONS', 'cache-control': 'no-store' }),
  );

  app.post(
    '/transaction',
    bodyLimit({
      maxSize: TRANSACTION_BODY_LIMIT_BYTES,
      onError: (c) =>
        respondWithAuthFailure(c, {
          reason: 'payload_too_large',
          description: `The request body is larger than ${TRANSACTION_BODY_LIMIT_BYTES} bytes`,
        }),
    }),
    async (c) => {
      const annotations = c.get('journal');
      const note = (facts: Record<string, unknown>) => {
        if (annotations) annotations.notes = { ...annotations.notes, ...facts };
      };

      const faults = auth.faults.takeRequestFaults();
      if (faults.delayMs) {
        note({ faultDelayMs: faults.delayMs });
        await auth.clock.sleep(faults.delayMs);
      }
      if (faults.failStatus) {
        note({ fault: `fail-${faults.failStatus}` });
        return c.json(
          {
            error: {
              code: 'request_denied',
              description: 'Injected fault: the authorization server is failing (provtjanst-mock fault knob)',
              reason: 'injected_fault',
            },
          },
          faults.failStatus,
          { 'cache-control': 'no-store' },
        );
      }

      const decoded = decodeTransactionBody(
        new Uint8Array(await c.req.arrayBuffer()),
        c.req.header('content-type'),
      );
      if (decoded.kind === 'undecodable') return respondWithBodyParseError(c, decoded.why);
      if (decoded.kind === 'failure') return respondWithAuthFailure(c, decoded.failure);
      const request = parseTransactionRequest(decoded.value);
      if ('reason' in request) return respondWithAuthFailure(c, request);
      const { client } = request;
      if (
        !settings.insecureDevAuth &&
        client.kind === 'instance' &&
        client.key.kind === 'proof' &&
        client.key.proof === 'insecure-dev'
      ) {
        return respondWithAuthFailure(c, {
          reason: 'insecure_dev_auth_disabled',
          description: '{"proof":"insecure-dev"} works only when the mock runs with --insecure-dev-auth',
        });
      }

      const peer = readTlsPeer(c, { fromHeader: settings.clientCertHeader });
      const result = await auth.authorize(request, peer);
      if (result.kind === 'crash') return respondWithInternalError(c, result.why);
      if (result.kind === 'refused') return respondWithAuthFailure(c, result.failure);
      const { identity } = result;
      // The journal's organisationId is SE + 10 digits; other verbatim ids (e.g. "None…") stay in the notes.
      if (annotations && identity.organizationId && /^SE\d{10}$/.test(identity.organizationId)) {
        annotations.organisationId = identity.organizationId;
      }

      const token = await auth.issueToken({
        ...(identity.organizationId !== undefined ? { organizationId: identity.organizationId } : {}),
        ...(identity.entityId !== undefined ? { entityId: identity.entityId } : {}),
        requestedAccess: request.accessTokens[0]?.access ?? [],
        authSource: identity.authSource,
        ...(identity.source !== undefined ? { source: identity.source } : {}),
        ...(identity.extraClaims ? { extraClaims: identity.extraClaims } : {}),
        faults: auth.faults.takeTokenFaults(),
        via: 'transaction',
        requestId: c.get('requestId'),
      });
      note({
        issuedTokenId: token.tokenId,
        kid: token.kid,
        authSource: identity.authSource,
        authFlow: result.flow,
        ...(identity.organizationId === undefined ? { tokenWithoutOrganizationId: true } : {}),
        ...(token.faults.length ? { tokenFaults: token.faults } : {}),
      });
      c.header('cache-control', 'no-store');
      return c.json({
        access_token: {
          value: token.value,
          access: token.access,
          expires_in: token.expiresIn,
          flags: ['bearer'],
        },
      });
    },
  );

  return app;
}
