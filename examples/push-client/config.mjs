// Reads the push client's settings from the environment (the contract with the conformance runner).
import { readFileSync } from 'node:fs';

/** Skolverket's payload limit since 2026-01-19: 200 KB per call, read as 204,800 bytes of request body. */
export const DEFAULT_PAYLOAD_LIMIT = 204_800;

/**
 * @typedef {object} ClientConfig
 * @property {string} authUrl Authorization server root (HTTPS), without trailing slash.
 * @property {string} provisioningUrl Provisioning API base URL, without trailing slash; also the token's location.
 * @property {string | undefined} openDataUrl Open-data API base URL, if given.
 * @property {{ cert: string, key: string, ca: string }} tls PEM texts: client certificate, its key, the CA to trust.
 * @property {string} dataDir Folder with persons.json, duties.json, groups.json, activities.json.
 * @property {string | undefined} scenario Scenario id, for the log only: behaviour never depends on it.
 * @property {number} payloadLimit Largest request body in bytes.
 */

/** A setting is missing or unusable: the process exits with code 2. */
export class ConfigError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'ConfigError';
    this.code = 'CONFIG';
  }
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 */
function required(env, name) {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${name} is not set`);
  return value;
}

/**
 * @param {string} name
 * @param {string} value
 */
function baseUrl(name, value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a URL: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must be http(s)`);
  return value.replace(/\/+$/, '');
}

/**
 * @param {string} name
 * @param {string} path
 */
function readPem(name, path) {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${name}: cannot read ${path} (${/** @type {Error} */ (error).message})`);
  }
}

/**
 * Builds the configuration from environment variables; throws ConfigError on anything missing or malformed.
 *
 * @param {Record<string, string | undefined>} [env]
 * @returns {ClientConfig}
 */
export function loadConfig(env = process.env) {
  const limitText = env.PROVTJANST_PAYLOAD_LIMIT?.trim();
  const payloadLimit = limitText ? Number(limitText) : DEFAULT_PAYLOAD_LIMIT;
  if (!Number.isInteger(payloadLimit) || payloadLimit < 64) {
    throw new ConfigError(
      `PROVTJANST_PAYLOAD_LIMIT must be an integer number of bytes ≥ 64, got ${limitText}`,
    );
  }
  const openData = env.PROVTJANST_OPEN_DATA_URL?.trim();
  return {
    authUrl: baseUrl('PROVTJANST_AUTH_URL', required(env, 'PROVTJANST_AUTH_URL')),
    provisioningUrl: baseUrl('PROVTJANST_PROVISIONING_URL', required(env, 'PROVTJANST_PROVISIONING_URL')),
    openDataUrl: openData ? baseUrl('PROVTJANST_OPEN_DATA_URL', openData) : undefined,
    tls: {
      cert: readPem('PROVTJANST_CLIENT_CERT', required(env, 'PROVTJANST_CLIENT_CERT')),
      key: readPem('PROVTJANST_CLIENT_KEY', required(env, 'PROVTJANST_CLIENT_KEY')),
      ca: readPem('PROVTJANST_CA_CERT', required(env, 'PROVTJANST_CA_CERT')),
    },
    dataDir: required(env, 'PROVTJANST_DATA_DIR'),
    scenario: env.PROVTJANST_SCENARIO?.trim() || undefined,
    payloadLimit,
  };
}
