// Administration's notices follow the Provisioning API's 10-day civic-number deadlines, then list who was removed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nthPupil } from '../mock-provisioning/fixtures.js';
import {
  type Harness,
  pushAndWait,
  settle,
  startHarness,
} from '../mock-provisioning/provisioning-harness.js';
import { makeTempDir, removeTempDir } from '../support/pki.js';

const DAY = 86_400_000;
const NOTICES = '/_mock/admin/organisations/SE5567044268/notices';

describe('notices about civic numbers not in the population register', () => {
  let h: Harness;
  let dir: string;
  const known = nthPupil(1);
  const unknown = nthPupil(2);

  beforeAll(async () => {
    dir = makeTempDir();
    const file = join(dir, 'register.txt');
    writeFileSync(file, `${(known.civicNo as { value: string }).value}\n`);
    h = await startHarness({ populationRegister: file, tokenLifetime: 30 * 86_400 });
    await pushAndWait(h, 'post', '/persons/bulk', { data: [known, unknown] });
  });
  afterAll(async () => {
    await h?.close();
    removeTempDir(dir);
  });

  it('lists the unknown number with its deadline and days left, in JSON and on the page', async () => {
    const startedMs = h.clock.now();
    const { body } = await request(h.server).get(NOTICES);
    expect(body).toEqual({
      notices: [
        {
          personId: unknown.id,
          civicNo: (unknown.civicNo as { value: string }).value,
          noticedAt: new Date(startedMs).toISOString(),
          deadline: new Date(startedMs + 10 * DAY).toISOString(),
          daysLeft: 10,
        },
      ],
      removed: [],
    });
    await settle(h, 3 * DAY);
    const fragment = await request(h.server).get(NOTICES).set('HX-Request', 'true');
    expect(fragment.text).toContain(unknown.id as string);
    expect((await request(h.server).get(NOTICES)).body.notices[0].daysLeft).toBe(7);
  });

  it('moves the person to "removed" once the deadline ran out', async () => {
    await settle(h, 7 * DAY);
    const { body } = await request(h.server).get(NOTICES);
    expect(body.notices).toEqual([]);
    expect(body.removed).toEqual([expect.objectContaining({ personId: unknown.id })]);
  });
});
