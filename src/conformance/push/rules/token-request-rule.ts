// PUSH-AUTH-006: the token request is one nutid-auth grants; a refusal is reported with its cause, fix and answer.
import { z } from 'zod';
import { toRequestRef } from '../../result/request-ref.js';
import { defineRule, firstRequests } from '../../rule/rule.js';
import { SOURCES } from '../../rule/sources.js';
import { type Entry, transactionCalls } from '../evidence/traffic.js';

interface Diagnosis {
  cause: string;
  fix: string;
}

function parse(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/** The access-token requests of a GNAP body (`access_token` is one object or an array of them). */
function accessTokenRequests(body: Record<string, unknown>): Record<string, unknown>[] {
  const raw = body.access_token;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.map(asRecord).filter((r): r is Record<string, unknown> => r !== undefined);
}

/** nutid-auth's two accepted `cert#S256` encodings (digest §3.4); anything else never matches a certificate. */
function thumbprintEncodingProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'not a string';
  if (/^[A-Za-z0-9_-]{43}$/.test(value) || /^[A-Za-z0-9+/]{43}=$/.test(value)) return undefined;
  if (/^[0-9a-fA-F]{64}$/.test(value) || /^([0-9a-fA-F]{2}:){31}[0-9a-fA-F]{2}$/.test(value)) return 'hex';
  if (/^[A-Za-z0-9_-]{43}=$/.test(value)) return 'base64url with padding';
  if (/^[A-Za-z0-9+/]{43}$/.test(value)) return 'standard base64 without padding';
  if (value.trim() !== value) return 'with surrounding whitespace';
  return 'an unrecognised form';
}

const THUMBPRINT_FIX =
  "Send the SHA-256 of the certificate's DER as base64url without padding (43 characters, RFC 8705 " +
  "x5t#S256), or as standard base64 with padding (the form of Skolverket's `openssl … | base64` example).";

/** Why nutid-auth refused this /transaction call, from what was sent and what came back. */
export function diagnoseTokenRefusal(entry: Entry): Diagnosis {
  const answer = asRecord(asRecord(parse(entry.responseBody))?.error);
  const description = typeof answer?.description === 'string' ? answer.description : '';
  const body = asRecord(parse(entry.requestBody));
  if (/revoked/i.test(description))
    return {
      cause: 'the client certificate is revoked',
      fix: 'Use a certificate that is not revoked: ask the CA for a new one (here: `provtjanst-mock certs issue`).',
    };
  if (/expired or not yet valid/i.test(description))
    return {
      cause: 'the client certificate is outside its validity period',
      fix: 'Renew the client certificate before it expires, and check the machine clock.',
    };
  if (!body)
    return {
      cause: 'the token request is not a JSON object',
      fix: 'POST a JSON GNAP request (Content-Type: application/json), as the authentication README shows.',
    };
  const requests = accessTokenRequests(body);
  const noBearer = requests.some(
    (r) => !(Array.isArray(r.flags) && (r.flags as unknown[]).includes('bearer')),
  );
  if (entry.status === 400 && noBearer)
    return {
      cause: 'the token request has no `bearer` flag',
      fix:
        'Add "flags":["bearer"] to each access_token request, as Skolverket\'s authentication README shows; ' +
        'nutid-auth refuses key-bound tokens (400 invalid_request, since 2026-07-02).',
    };
  const key = asRecord(asRecord(body.client)?.key);
  const encoding = key && 'cert#S256' in key ? thumbprintEncodingProblem(key['cert#S256']) : undefined;
  if (encoding)
    return {
      cause: `client.key["cert#S256"] is in an encoding nutid-auth refuses (${encoding})`,
      fix: THUMBPRINT_FIX,
    };
  if (requests.length >= 2)
    return {
      cause: 'the request asks for two or more access tokens at once',
      fix: 'Ask for one access token per request (access_token as one object or a one-item array).',
    };
  if (typeof body.client === 'string')
    return {
      cause: '`client` is a string',
      fix: 'Send client as an object: {"key":{"proof":"mtls","cert#S256":"…"}}.',
    };
  const code = typeof answer?.code === 'string' ? answer.code : 'no GNAP code';
  // The mock adds a `reason` member that nutid-auth does not send; it names the check that failed.
  const reason = typeof answer?.reason === 'string' ? `; reason ${answer.reason}` : '';
  return {
    cause: `the authorization server refused the request (${code}${description ? `: ${description}` : ''}${reason})`,
    fix: "Compare the request with the GNAP example in Skolverket's authentication README (docs/auth.md).",
  };
}

function answerText(entry: Entry): string {
  const text = (entry.responseBody ?? '').trim();
  return text.length > 300 ? `${text.slice(0, 300)}…` : text || '(empty body)';
}

export const AUTH_TOKEN_REQUEST_GRANTED = defineRule({
  id: 'PUSH-AUTH-006',
  family: 'AUTH',
  title: 'Asks for its token the way nutid-auth grants it',
  severity: 'blocker',
  why:
    "The provtjänst's authorization server is Sunet's nutid-auth. It refuses a request without the `bearer` " +
    'flag (400), a `cert#S256` in any encoding but its two, and a revoked or expired certificate (401). A ' +
    'refused client gets no token and sends no data: the report says why here, not only that data is missing.',
  sources: [SOURCES.authFlow, SOURCES.authServer],
  fix:
    'Send the GNAP request exactly as the authentication README shows: access_token with "flags":["bearer"], ' +
    'client.key {"proof":"mtls","cert#S256":<base64url SHA-256 of the certificate DER>}, over mTLS with a ' +
    'valid, unrevoked certificate.',
  params: z.object({}),
  skipUnless: (evidence) =>
    transactionCalls(evidence).length > 0 ? undefined : 'the client never asked /transaction for a token',
  check(evidence) {
    const refused = transactionCalls(evidence).filter((e) => e.status >= 400 && e.status < 500);
    const byCause = new Map<string, { diagnosis: Diagnosis; entries: Entry[] }>();
    for (const entry of refused) {
      const diagnosis = diagnoseTokenRefusal(entry);
      const group = byCause.get(diagnosis.cause) ?? { diagnosis, entries: [] };
      group.entries.push(entry);
      byCause.set(diagnosis.cause, group);
    }
    return [...byCause.values()].map(({ diagnosis, entries }) => {
      const first = entries[0] as Entry;
      return {
        message:
          `${entries.length} token request(s) refused: ${diagnosis.cause}. Fix: ${diagnosis.fix} ` +
          `Answer: ${first.status} ${answerText(first)}`,
        requests: firstRequests(entries.map(toRequestRef)),
      };
    });
  },
});
