// The three contracts the docs pages render, read from the package's spec/ and pointed at this mock.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { API_PATHS } from '../../config/mock-urls.js';
import { packageRoot } from '../../conformance/package-info.js';
import { repairQuotedContinuations } from '../../spec/openapi-validator.js';

export type SpecName = 'provisioning-api' | 'open-data-api' | 'ss12000-subset';

export interface ServedSpec {
  name: SpecName;
  title: string;
  file: string;
  /** Where the docs page is: Skolverket's own path for its two APIs, under the control plane for the subset. */
  docsPath: string;
  /** The `servers` entry "Try it out" calls. */
  servers: { url: string; description: string; variables?: Record<string, { default: string }> }[];
}

export const SERVED_SPECS: Readonly<Record<SpecName, ServedSpec>> = {
  'provisioning-api': {
    name: 'provisioning-api',
    title: 'Provisioning API',
    file: 'provisioning-api-1.3.2.yaml',
    docsPath: `${API_PATHS.provisioning}/swagger-ui.html`,
    // Relative, so "Try it out" goes to the origin the page came from (no CORS between localhost and 127.0.0.1).
    servers: [{ url: API_PATHS.provisioning, description: 'provtjanst-mock (this server)' }],
  },
  'open-data-api': {
    name: 'open-data-api',
    title: 'Open-data API',
    file: 'open-data-api-1.0.0.yaml',
    docsPath: `${API_PATHS.openData}/swagger-ui.html`,
    servers: [{ url: API_PATHS.openData, description: 'provtjanst-mock (this server)' }],
  },
  'ss12000-subset': {
    name: 'ss12000-subset',
    title: 'SS 12000 subset (the vendor’s API)',
    file: 'ss12000-dnp-subset-api.yaml',
    docsPath: '/_mock/docs/ss12000/swagger-ui.html',
    servers: [
      {
        url: '{baseUrl}',
        description: 'Your SS 12000 API (the reference example listens on 8091)',
        variables: { baseUrl: { default: 'http://localhost:8091' } },
      },
    ],
  },
};

const cache = new Map<SpecName, string>();

/** The spec as JSON text, with `servers` replaced by the mock's own (the official file names production). */
export function servedSpecJson(name: SpecName): string {
  const cached = cache.get(name);
  if (cached) return cached;
  const spec = SERVED_SPECS[name];
  const document = parse(
    repairQuotedContinuations(readFileSync(join(packageRoot(), 'spec', spec.file), 'utf8')),
  ) as Record<string, unknown>;
  const text = JSON.stringify({ ...document, servers: spec.servers });
  cache.set(name, text);
  return text;
}
