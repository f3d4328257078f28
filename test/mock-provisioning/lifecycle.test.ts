// Skolverket's lifecycle after storage on the controlled clock: the 10-day civic-number deadline, night-time transfer.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { nextNightlyTransferMs } from '../../src/mock-provisioning/lifecycle.js';
import { makeTempDir, removeTempDir } from '../support/pki.js';
import { nthPupil } from './fixtures.js';
import { call, type Harness, pushAndWait, settle, startHarness } from './provisioning-harness.js';

const ORG_ID = 'SE5567044268';
const DAY = 86_400_000;
/** Tokens that outlive the clock jumps (the default 36000 s would expire before the deadline). */
const LONG_TOKEN = 30 * 86_400;
type Json = Record<string, unknown>;

describe('Skolverket lifecycle after storage', () => {
  let h: Harness | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await h?.close();
    if (dir) removeTempDir(dir);
    h = undefined;
    dir = undefined;
  });

  const control = (path: string) =>
    request((h as Harness).server).get(`/_mock/provisioning/organisations/${ORG_ID}${path}`);
  const civicNo = (person: Json) => (person.civicNo as { value: string }).value;

  async function withRegister(registered: Json[]) {
    dir = makeTempDir();
    const file = join(dir, 'register.txt');
    writeFileSync(file, `${registered.map(civicNo).join('\n')}\n`);
    h = await startHarness({ populationRegister: file, tokenLifetime: LONG_TOKEN });
    return h;
  }

  it('removes a person whose civic number is not in the population register 10 days after storage', async () => {
    const known = nthPupil(1);
    const unknown = nthPupil(2);
    const harness = await withRegister([known]);
    await pushAndWait(harness, 'post', '/persons/bulk', { data: [known, unknown] });
    const startedMs = harness.clock.now();

    const pending = (await control('/correction-deadlines')).body;
    expect(pending).toEqual({
      organisationId: ORG_ID,
      deadlines: [
        {
          personId: unknown.id,
          civicNo: civicNo(unknown),
          startedAt: new Date(startedMs).toISOString(),
          removeAt: new Date(startedMs + 10 * DAY).toISOString(),
        },
      ],
      removed: [],
    });

    await settle(harness, 10 * DAY - 1);
    expect((await call(harness, 'get', `/persons/${unknown.id}`)).status).toBe(200);
    await settle(harness, 1);
    expect((await call(harness, 'get', `/persons/${unknown.id}`, { unchecked: true })).status).toBe(404);
    expect((await call(harness, 'get', `/persons/${known.id}`)).status).toBe(200);
    const after = (await control('/correction-deadlines')).body;
    expect(after.deadlines).toEqual([]);
    expect(after.removed).toEqual([
      {
        personId: unknown.id,
        civicNo: civicNo(unknown),
        removedAt: new Date(startedMs + 10 * DAY).toISOString(),
      },
    ]);
  });

  it('keeps a person whose number was corrected, or who was deleted, before the deadline', async () => {
    const corrected = nthPupil(3);
    const deleted = nthPupil(4);
    const fix = nthPupil(5);
    const harness = await withRegister([fix]);
    await pushAndWait(harness, 'post', '/persons/bulk', { data: [corrected, deleted] });
    expect((await control('/correction-deadlines')).body.deadlines).toHaveLength(2);

    await settle(harness, 3 * DAY);
    await pushAndWait(harness, 'put', '/persons/bulk', { data: [{ ...corrected, civicNo: fix.civicNo }] });
    await pushAndWait(harness, 'post', '/persons/bulk/delete', { data: [deleted.id] });
    expect((await control('/correction-deadlines')).body.deadlines).toEqual([]);

    await settle(harness, 8 * DAY);
    expect((await call(harness, 'get', `/persons/${corrected.id}`)).status).toBe(200);
    expect((await control('/correction-deadlines')).body.removed).toEqual([]);
  });

  it('starts no deadline when no population register is configured', async () => {
    h = await startHarness();
    await pushAndWait(h, 'post', '/persons/bulk', { data: [nthPupil(6)] });
    expect((await control('/correction-deadlines')).body.deadlines).toEqual([]);
  });
});

describe('onward transfer to the test platform', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const status = async (harness: Harness, id: string) =>
    (await call(harness, 'get', `/persons/${id}`)).body.provisioningStatus as boolean;

  it('takes the configured time, at most 30 minutes', async () => {
    h = await startHarness({ transferDelay: 1_800_000 });
    const pupil = nthPupil(10);
    await pushAndWait(h, 'post', '/persons/bulk', { data: [pupil] });
    await settle(h, 1_800_000 - 1);
    expect(await status(h, pupil.id as string)).toBe(false);
    await settle(h, 1);
    expect(await status(h, pupil.id as string)).toBe(true);
    await expect(startHarness({ transferDelay: 1_800_001 })).rejects.toThrow();
    const patch = await request(h.server)
      .patch('/_mock/provisioning/config')
      .send({ transferDelayMs: 3_600_000 })
      .set('content-type', 'application/json');
    expect(patch.status).toBe(400);
  });

  it('waits until the night (02:00 Stockholm) for a pupil marked as in an ongoing test', async () => {
    h = await startHarness({ transferDelay: 60_000, tokenLifetime: LONG_TOKEN });
    // 10:00 Stockholm (08:00Z on 2026-09-01, summer time): the next transfer night is 2026-09-02 02:00+02:00.
    const inTest = nthPupil(11);
    const other = nthPupil(12);
    const marked = await request(h.server)
      .put(`/_mock/provisioning/organisations/${ORG_ID}/ongoing-test`)
      .send({ personIds: [inTest.id] })
      .set('content-type', 'application/json');
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual({ organisationId: ORG_ID, personIds: [inTest.id] });

    await pushAndWait(h, 'post', '/persons/bulk', { data: [inTest, other] });
    const stored = h.clock.now();
    await settle(h, 30 * 60_000);
    expect(await status(h, other.id as string)).toBe(true);
    expect(await status(h, inTest.id as string)).toBe(false);
    const night = Date.parse('2026-09-02T00:00:00Z');
    expect(nextNightlyTransferMs(stored)).toBe(night);
    await settle(h, night - h.clock.now() - 1);
    expect(await status(h, inTest.id as string)).toBe(false);
    await settle(h, 1);
    expect(await status(h, inTest.id as string)).toBe(true);
  });

  it('computes the night in Stockholm time across daylight saving', () => {
    // Winter: 02:00 CET is 01:00Z.
    expect(new Date(nextNightlyTransferMs(Date.parse('2026-12-01T12:00:00Z'))).toISOString()).toBe(
      '2026-12-02T01:00:00.000Z',
    );
    // Just before 02:00 local the same night counts; at 02:00 exactly, the next night.
    expect(new Date(nextNightlyTransferMs(Date.parse('2026-12-02T00:59:00Z'))).toISOString()).toBe(
      '2026-12-02T01:00:00.000Z',
    );
    expect(new Date(nextNightlyTransferMs(Date.parse('2026-12-02T01:00:00Z'))).toISOString()).toBe(
      '2026-12-03T01:00:00.000Z',
    );
  });
});
