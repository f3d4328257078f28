// The 200 KB payload limit: 204,800 bytes pass, 204,801 get 413 [5020] with nothing stored, with or without Content-Length.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nthPupil } from './fixtures.js';
import { call, type Harness, rawCall, startHarness } from './provisioning-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

/** `{"data":[pupils…]}` padded with JSON whitespace to exactly `size` bytes. */
function bodyOfSize(size: number, firstPupil: number): string {
  const data: unknown[] = [];
  let text = '';
  for (let n = firstPupil; ; n += 1) {
    const next = JSON.stringify({ data: [...data, nthPupil(n)] });
    if (Buffer.byteLength(next) > size - 1) break;
    data.push(nthPupil(n));
    text = next;
  }
  const padding = size - Buffer.byteLength(text);
  return `${text.slice(0, -1)}${' '.repeat(padding)}}`;
}

const lastRequestHeaders = () =>
  h.mock.services.journal.query({ component: 'provisioning', method: 'POST' }).at(-1)?.requestHeaders ?? {};

const storedPersons = () => h.mock.services.provisioning.store.snapshot('SE5567044268').persons.length;

describe('payload limit (204,800 bytes by default)', () => {
  it('accepts a body of exactly 204,800 bytes sent with Content-Length', async () => {
    const body = bodyOfSize(204_800, 0);
    expect(Buffer.byteLength(body)).toBe(204_800);
    const res = await call(h, 'post', '/persons/bulk', { raw: body });
    expect(res.status).toBe(202);
  });

  it('refuses 204,801 bytes with Content-Length: 413 [5020], no job, nothing stored', async () => {
    await h.mock.services.provisioning.jobs.idle();
    const before = storedPersons();
    const jobsBefore = h.mock.services.provisioning.jobs.list('SE5567044268').length;
    const body = bodyOfSize(204_801, 1000);
    expect(Buffer.byteLength(body)).toBe(204_801);
    const res = await call(h, 'post', '/persons/bulk', { raw: body });
    expect(res.status).toBe(413);
    expect(res.body).toEqual([
      expect.objectContaining({
        id: '5020',
        statusCode: 413,
        message: 'Provisionerade uppgifter överstiger tillåten datamängd.',
      }),
    ]);
    await h.mock.services.provisioning.jobs.idle();
    expect(h.mock.services.provisioning.jobs.list('SE5567044268')).toHaveLength(jobsBefore);
    expect(storedPersons()).toBe(before);
  });

  it('accepts exactly 204,800 bytes sent chunked (no Content-Length)', async () => {
    const body = Buffer.from(bodyOfSize(204_800, 2000));
    const res = await rawCall(h, 'POST', '/persons/bulk', [
      body.subarray(0, 100_000),
      body.subarray(100_000),
    ]);
    expect(res.status).toBe(202);
    expect(lastRequestHeaders()['transfer-encoding']).toBe('chunked');
    expect(lastRequestHeaders()['content-length']).toBeUndefined();
  });

  it('refuses 204,801 bytes sent chunked: 413 [5020], nothing stored', async () => {
    await h.mock.services.provisioning.jobs.idle();
    const before = storedPersons();
    const body = Buffer.from(bodyOfSize(204_801, 3000));
    const res = await rawCall(h, 'POST', '/persons/bulk', [
      body.subarray(0, 150_000),
      body.subarray(150_000),
    ]);
    expect(res.status).toBe(413);
    expect(lastRequestHeaders()['transfer-encoding']).toBe('chunked');
    expect(res.body).toEqual([expect.objectContaining({ id: '5020', statusCode: 413 })]);
    await h.mock.services.provisioning.jobs.idle();
    expect(storedPersons()).toBe(before);
  });

  it('applies to PUT, delete and lookup bodies too', async () => {
    const big = bodyOfSize(204_801, 4000);
    expect((await call(h, 'put', '/persons/bulk', { raw: big })).status).toBe(413);
    expect((await call(h, 'post', '/persons/bulk/delete', { raw: big })).status).toBe(413);
    expect((await call(h, 'post', '/persons/lookup', { raw: big })).status).toBe(413);
  });

  it('checks the token before the size: a big body with no token gets 403', async () => {
    const res = await call(h, 'post', '/persons/bulk', { raw: bodyOfSize(204_801, 5000), token: null });
    expect(res.status).toBe(403);
  });

  it('lets the limit be changed at runtime on the control plane, and switched off with 0', async () => {
    const body = bodyOfSize(204_801, 6000);
    const control = (payloadLimit: number) =>
      request(h.server).patch('/_mock/provisioning/config').send({ payloadLimit }).expect(200);
    expect((await control(0)).body.payloadLimit).toBe(0);
    try {
      expect((await call(h, 'post', '/persons/bulk', { raw: body })).status).toBe(202);
    } finally {
      await control(204_800);
    }
  });
});
