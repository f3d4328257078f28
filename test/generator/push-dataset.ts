// Test support: pushes a generated dataset through the mock's Provisioning API in the README order, job by job.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import request from 'supertest';
import { createMockApp, type MockApp } from '../../src/app.js';
import { type ControlledClock, createControlledClock } from '../../src/clock/index.js';
import type { Dataset } from '../../src/generator/index.js';
import { RESOURCE_NAMES, type ResourceName } from '../../src/model/index.js';

const BASE = '/provtjanst/provisioning/v1';
/** Skolverket's limit per call (dnp-facts §3): 200 KB of request body. */
const PAYLOAD_LIMIT = 204_800;

export interface PushedItem {
  resource: ResourceName;
  id: string;
  status: string;
  errors: { id: string }[];
  warnings: { id: string }[];
}

export interface ProvisioningRig {
  mock: MockApp;
  clock: ControlledClock;
  /** Pushes every resource in order, each call awaited through its job, and returns every item's outcome. */
  push(dataset: Dataset): Promise<PushedItem[]>;
  close(): Promise<void>;
}

/** Splits items into `{"data":[…]}` bodies that stay under the payload limit. */
export function chunkBodies(items: readonly unknown[], limit = PAYLOAD_LIMIT): string[] {
  const bodies: string[] = [];
  let current: string[] = [];
  let size = '{"data":[]}'.length;
  for (const item of items) {
    const text = JSON.stringify(item);
    if (current.length > 0 && size + text.length + 1 > limit) {
      bodies.push(`{"data":[${current.join(',')}]}`);
      current = [];
      size = '{"data":[]}'.length;
    }
    current.push(text);
    size += Buffer.byteLength(text) + 1;
  }
  if (current.length > 0) bodies.push(`{"data":[${current.join(',')}]}`);
  return bodies;
}

/** The whole mock over HTTP with a controlled clock, the default job delay, and rate limits off. */
export async function startProvisioningRig(): Promise<ProvisioningRig> {
  const stateDir = mkdtempSync(join(tmpdir(), 'provtjanst-gen-'));
  const clock = createControlledClock();
  const mock = await createMockApp({ settings: { stateDir, rateLimit: false }, clock });
  const server = createAdaptorServer({ fetch: mock.app.fetch });
  const tokens = new Map<string, string>();
  const tokenFor = async (organisationNumber: string) => {
    let token = tokens.get(organisationNumber);
    if (!token) {
      const issued = await mock.services.auth.issueToken({
        organisationNumber,
        entityId: `https://org-${organisationNumber}.example`,
        access: [{ type: 'provisioning-api', locations: [mock.services.urls.provisioning] }],
        authSource: 'mtls',
      });
      token = issued.value;
      tokens.set(organisationNumber, token);
    }
    return token;
  };

  const awaitJob = async (token: string, resource: string, jobId: string) => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const done = await request(server)
        .get(`${BASE}/${resource}/bulk/jobs/${jobId}/isCompleted`)
        .set('Authorization', `Bearer ${token}`);
      if (done.status !== 200) throw new Error(`isCompleted answered ${done.status}`);
      if (done.body === true) {
        const job = await request(server)
          .get(`${BASE}/${resource}/bulk/jobs/${jobId}`)
          .set('Authorization', `Bearer ${token}`);
        return job.body as { responses: { id: string; response: Omit<PushedItem, 'resource' | 'id'> }[] };
      }
      // Time comes from the controlled clock: move it on and let the job timers fire.
      clock.advance(500);
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error(`job ${jobId} never completed`);
  };

  return {
    mock,
    clock,
    async push(dataset) {
      const token = await tokenFor(dataset.options.organisationNumber);
      const outcomes: PushedItem[] = [];
      for (const resource of RESOURCE_NAMES) {
        for (const body of chunkBodies(dataset[resource])) {
          const res = await request(server)
            .post(`${BASE}/${resource}/bulk`)
            .set('Authorization', `Bearer ${token}`)
            .set('Content-Type', 'application/json')
            .send(body);
          if (res.status !== 202)
            throw new Error(`POST /${resource}/bulk → ${res.status}: ${JSON.stringify(res.body)}`);
          const job = await awaitJob(token, resource, res.body.jobId);
          for (const { id, response } of job.responses) {
            outcomes.push({
              resource,
              id,
              status: response.status,
              errors: response.errors ?? [],
              warnings: response.warnings ?? [],
            });
          }
        }
      }
      return outcomes;
    },
    async close() {
      await mock.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
