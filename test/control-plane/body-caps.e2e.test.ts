// Control-plane bodies are capped (413 body_too_large) before they are read; open data has its own, larger cap.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueToJson, createSeededCatalogue } from '../../src/open-data/index.js';
import { type MockHarness, startMockHarness } from '../mock-ss12000-client/harness.js';

const CONTROL_CAP = 4096;
const OPEN_DATA_CAP = 400_000;

/** Sends `body` in chunks without a Content-Length (Transfer-Encoding: chunked). */
function sendChunked(
  port: number,
  method: string,
  path: string,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, headers: { 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    for (let i = 0; i < body.length; i += 1000) req.write(body.slice(i, i + 1000));
    req.end();
  });
}

describe('control-plane body caps', () => {
  let mock: MockHarness;
  beforeAll(async () => {
    mock = await startMockHarness({ controlBodyCap: CONTROL_CAP, controlOpenDataBodyCap: OPEN_DATA_CAP });
  });
  afterAll(async () => mock?.close());

  const oversized = JSON.stringify({ padding: 'x'.repeat(CONTROL_CAP) });

  it.each([
    ['PUT', '/_mock/auth/faults'],
    ['PUT', '/_mock/provisioning/faults'],
    ['PATCH', '/_mock/provisioning/config'],
    ['POST', '/_mock/admin/ss12000-apis'],
  ])('%s %s answers 413 body_too_large above the cap (declared length)', async (method, path) => {
    const res = await fetch(`${mock.mockUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: oversized,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'body_too_large' });
  });

  it('answers 413 to a chunked body as soon as it passes the cap', async () => {
    const res = await sendChunked(mock.running.httpPort, 'PUT', '/_mock/auth/faults', oversized);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text)).toMatchObject({ code: 'body_too_large' });
  });

  it('still reads bodies under the cap', async () => {
    const res = await fetch(`${mock.mockUrl}/_mock/auth/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
  });

  it('loads an open-data catalogue above the control cap, under its own', async () => {
    const catalogue = catalogueToJson(createSeededCatalogue());
    catalogue.organisations = catalogue.organisations.slice(0, 3);
    const organisations = new Set(catalogue.organisations.map((o) => o.organisationNumber));
    catalogue.schoolUnits = catalogue.schoolUnits.filter((u) =>
      organisations.has(u.parentOrganisation.organisationNumber),
    );
    catalogue.programmes = catalogue.programmes.slice(0, 2);
    const body = JSON.stringify(catalogue);
    expect(Buffer.byteLength(body)).toBeGreaterThan(CONTROL_CAP);
    const res = await fetch(`${mock.mockUrl}/_mock/open-data`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ organisations: 3 });
    const served = (await (
      await fetch(`${mock.mockUrl}/provtjanst/open-data/v1/programmes`)
    ).json()) as unknown[];
    expect(served).toHaveLength(2);
    const reset = await fetch(`${mock.mockUrl}/_mock/open-data`, { method: 'DELETE' });
    expect(((await reset.json()) as { organisations: number }).organisations).toBeGreaterThan(3);
  });

  it('refuses a bad catalogue with the path of each bad field, and changes nothing', async () => {
    const res = await fetch(`${mock.mockUrl}/_mock/open-data`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organisations: [{ organisationNumber: 'nope' }] }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; details: { path: string }[] };
    expect(body.code).toBe('invalid_open_data');
    expect(body.details[0]?.path).toMatch(/^organisations\[0\]/);
  });

  it('answers 413 to an open-data catalogue above its cap, declared or chunked', async () => {
    const huge = JSON.stringify({ organisations: [], padding: 'x'.repeat(OPEN_DATA_CAP) });
    const declared = await fetch(`${mock.mockUrl}/_mock/open-data`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: huge,
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: 'body_too_large' });
    const chunked = await sendChunked(mock.running.httpPort, 'PUT', '/_mock/open-data', huge);
    expect(chunked.status).toBe(413);
  });
});
