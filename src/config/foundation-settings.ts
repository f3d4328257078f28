// Settings of the foundation: ports, public URL, state directory, journal, auth and open data.
import { z } from 'zod';
import { switchSetting } from './setting-schemas.js';
import { defineSettings, type SettingValues } from './setting-spec.js';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);
const flag = switchSetting(false);

export const FOUNDATION_SETTINGS = defineSettings({
  port: {
    flag: 'port',
    env: ['PORT', 'PROVTJANST_PORT'],
    kind: 'string',
    schema: port(8080),
    description: 'HTTP port (0 picks a free one).',
  },
  httpsPort: {
    flag: 'https-port',
    env: ['HTTPS_PORT', 'PROVTJANST_HTTPS_PORT'],
    kind: 'string',
    schema: port(8443),
    description: 'HTTPS port that asks for client certificates (mTLS); 0 picks a free one.',
  },
  host: {
    flag: 'host',
    env: ['PROVTJANST_HOST'],
    kind: 'string',
    schema: z.string().min(1).default('127.0.0.1'),
    description: 'Interface to listen on (0.0.0.0 for every interface).',
  },
  publicUrl: {
    flag: 'public-url',
    env: ['PROVTJANST_PUBLIC_URL'],
    kind: 'string',
    schema: z.url({ protocol: /^https?$/ }).optional(),
    description: 'Root URL put into token locations and Location headers (default: the local HTTP URL).',
  },
  stateDir: {
    flag: 'state-dir',
    env: ['PROVTJANST_STATE_DIR'],
    kind: 'string',
    schema: z.string().min(1).default('./.provtjanst-mock'),
    description: 'Where the dev CA, signing keys and issued certificates live.',
  },
  insecureDevAuth: {
    flag: 'insecure-dev-auth',
    env: ['PROVTJANST_INSECURE_DEV_AUTH'],
    kind: 'boolean',
    schema: flag,
    description:
      'Let plain-HTTP /transaction trust client.key without a certificate (tokens say auth_source "insecure-dev").',
  },
  tokenLifetime: {
    flag: 'token-lifetime',
    env: ['PROVTJANST_TOKEN_LIFETIME'],
    kind: 'string',
    schema: z.coerce.number().int().min(1).default(36_000),
    description:
      "Lifetime of issued tokens in seconds (default 36000: exp - iat of Skolverket's published production token).",
  },
  keyGracePeriod: {
    flag: 'key-grace-period',
    env: ['PROVTJANST_KEY_GRACE_PERIOD'],
    kind: 'string',
    schema: z.coerce.number().int().min(0).default(864_000),
    description: 'Seconds a rotated-out signing key stays in the JWKS.',
  },
  maxSigningKeys: {
    flag: 'max-signing-keys',
    env: ['PROVTJANST_MAX_SIGNING_KEYS'],
    kind: 'string',
    schema: z.coerce.number().int().min(2).max(1000).default(10),
    description:
      'Most signing keys kept (current plus rotated-out keys in their grace period); past it the oldest rotated-out keys go first.',
  },
  federation: {
    flag: 'federation',
    env: ['PROVTJANST_FEDERATION'],
    kind: 'string',
    schema: z.string().min(1).optional(),
    description:
      'TLS-federation metadata file (signed JWS, compact or JSON); default <state-dir>/federation.json, which certs issue writes.',
  },
  openData: {
    flag: 'open-data',
    env: ['PROVTJANST_OPEN_DATA'],
    kind: 'string',
    schema: z.string().min(1).optional(),
    description: 'Your own open-data catalogue (JSON) instead of the seeded one.',
  },
  journalSize: {
    flag: 'journal-size',
    env: ['PROVTJANST_JOURNAL_SIZE'],
    kind: 'string',
    schema: z.coerce.number().int().min(1).default(10_000),
    description: 'How many exchanges the in-memory journal keeps.',
  },
  journalMaxBytes: {
    flag: 'journal-max-bytes',
    env: ['PROVTJANST_JOURNAL_MAX_BYTES'],
    kind: 'string',
    schema: z.coerce.number().int().min(65_536).default(67_108_864),
    description:
      'Most bytes the in-memory journal holds in all (bodies, URLs, headers); past it the oldest exchanges go first.',
  },
  journalFile: {
    flag: 'journal-file',
    env: ['PROVTJANST_JOURNAL_FILE'],
    kind: 'string',
    schema: z.string().min(1).optional(),
    description:
      'Also append every exchange to this NDJSON file (created 0600; tokens only as fingerprints).',
  },
  journalBodyCap: {
    flag: 'journal-body-cap',
    env: ['PROVTJANST_JOURNAL_BODY_CAP'],
    kind: 'string',
    schema: z.coerce.number().int().min(0).default(65_536),
    description: 'Bytes of each body the journal keeps.',
  },
  trustProxy: {
    flag: 'trust-proxy',
    env: ['PROVTJANST_TRUST_PROXY'],
    kind: 'boolean',
    schema: flag,
    description: 'Take the client IP from X-Forwarded-For (rate limits, journal).',
  },
});

export type FoundationSettings = SettingValues<typeof FOUNDATION_SETTINGS>;

/** Schema for on/off settings: accepts booleans and the usual words, defaults to off. */
export const booleanSetting = flag;
