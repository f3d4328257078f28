// The authorization server's public routes: POST /transaction (GNAP, mTLS) and GET /.well-known/jwks.json.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env.js';
import type { MockUrls, Settings } from '../config/index.js';
import { respondWithAuthFailure } from './auth-errors.js';
import type { AuthService } from './auth-service.js';
import { toOrganisationId } from './organisation-number.js';
import { readTlsPeer } from './peer-certificate.js';
import { parseTransactionRequest } from './transaction-request.js';

/** Largest /transaction body read (a real request is a few hundred bytes). */
export const TRANSACTION_BODY_LIMIT_BYTES = 64 * 1024;

export interface AuthAppOptions {
  auth: AuthService;
  urls: MockUrls;
  settings: Pick<Settings, 'insecureDevAuth' | 'httpsPort' | 'publicUrl'>;
}

/** The HTTPS URL of /transaction, for error messages to clients that used plain HTTP. */
function httpsTransactionUrl(urls: MockUrls, settings: AuthAppOptions['settings']): string {
  if (urls.transaction.startsWith('https://')) return urls.transaction;
  return `https://localhost:${settings.httpsPort}/transaction`;
}

/** Mounted at `/`. */
export function createAuthApp({ auth, urls, settings }: AuthAppOptions) {
  const app = new Hono<AppEnv>();

  app.get('/.well-known/jwks.json', (c) => {
    c.header('cache-control', 'no-cache');
    return c.json(auth.jwks());
  });

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
        );
      }

      const text = await c.req.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        return respondWithAuthFailure(c, {
          reason: 'malformed_json',
          description: `The body is not valid JSON: ${(error as Error).message}`,
        });
      }
      const request = parseTransactionRequest(body);
      if ('reason' in request) return respondWithAuthFailure(c, request);

      const peer = readTlsPeer(c);
      const identity = auth.identifyClient({
        key: request.key,
        overTls: peer.overTls,
        ...(peer.certificate ? { certificate: peer.certificate } : {}),
        insecureDevAuth: settings.insecureDevAuth,
        httpsTransactionUrl: httpsTransactionUrl(urls, settings),
      });
      if ('reason' in identity) return respondWithAuthFailure(c, identity);
      if (annotations) annotations.organisationId = toOrganisationId(identity.organisationNumber);

      const token = await auth.issueToken({
        organisationNumber: identity.organisationNumber,
        entityId: identity.entityId,
        access: request.access,
        authSource: identity.authSource,
        source: identity.source,
        ...(identity.extraClaims ? { extraClaims: identity.extraClaims } : {}),
        faults: auth.faults.takeTokenFaults(),
        via: 'transaction',
        requestId: c.get('requestId'),
      });
      note({
        issuedTokenId: token.tokenId,
        kid: token.kid,
        authSource: identity.authSource,
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
