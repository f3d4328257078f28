// The pages in a real browser (Debian's Chromium): they load clean, the docs call the mock, the live view follows a push.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDemoDataset } from '../../examples/ss12000-api/demo-dataset.js';
import { createMtlsTokenClient } from '../../examples/ss12000-api/mtls-token-client.js';
import { createReferenceApi } from '../../examples/ss12000-api/reference-api.js';
import { generateDataset } from '../../src/generator/generate-dataset.js';
import type { JournalEntry } from '../../src/journal/index.js';
import { issueDevClient } from '../../src/mock-auth/index.js';
import { type RunningMock, startMock } from '../../src/server.js';
import { MAIN_SCRIPT } from '../examples/push-client-modules.js';
import { demoFacts } from '../mock-ss12000-client/harness.js';
import { makeTempDir, removeTempDir } from '../support/pki.js';
import { CHROMIUM_PATH, launchBrowser, type TestBrowser } from './browser.js';

const ORGANISATION = '5567044268';
/** Set to a folder (docs/screenshots) to refresh the screenshots in the docs. */
const SCREENSHOTS = process.env.PROVTJANST_SCREENSHOTS;

const PAGES = [
  '/',
  '/_mock',
  '/_mock/admin',
  '/_mock/live',
  '/provtjanst/provisioning/v1/swagger-ui.html',
  '/provtjanst/open-data/v1/swagger-ui.html',
  '/_mock/docs/ss12000/swagger-ui.html',
];

/** A viewport-sized screenshot, from the top of the page or from `selector`. */
async function shoot(page: Page, name: string, selector?: string) {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  if (selector) await page.locator(selector).evaluate((element) => element.scrollIntoView());
  else await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), type: 'png' });
}

function runPushClient(env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN_SCRIPT], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
}

/** The next journal entry matching `test`, recorded after this call. */
function nextEntry(mock: RunningMock, test: (entry: JournalEntry) => boolean): Promise<JournalEntry> {
  return new Promise((resolve) => {
    const off = mock.mock.services.journal.subscribe((entry) => {
      if (!test(entry)) return;
      off();
      resolve(entry);
    });
  });
}

/** Without Chromium a developer's `npm test` skips these (saying why); CI (CI=…) installs it and never skips. */
const NO_BROWSER = !existsSync(CHROMIUM_PATH) && !process.env.CI;
if (NO_BROWSER)
  console.warn(`[test/web] ${CHROMIUM_PATH} not found: browser tests skipped (apt-get install chromium)`);

describe.skipIf(NO_BROWSER)('pages in Chromium', () => {
  let stateDir: string;
  let mock: RunningMock;
  let origin: string;
  let browser: TestBrowser;

  beforeAll(async () => {
    stateDir = makeTempDir('web-browser-');
    mock = await startMock({
      settings: { port: 0, httpsPort: 0, host: '127.0.0.1', stateDir, jobDelay: 150 },
    });
    origin = mock.localHttpUrl;
    browser = await launchBrowser(origin);
  });

  beforeEach(() => {
    // Each test answers for its own pages.
    browser.problems.length = 0;
  });

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
    if (stateDir) removeTempDir(stateDir);
  });

  it('loads every page with no console error and no request outside the mock', async () => {
    const page = await browser.newPage();
    for (const path of PAGES) {
      const answer = await page.goto(origin + path, { waitUntil: 'load' });
      expect(answer?.status(), path).toBe(200);
      if (path.endsWith('swagger-ui.html')) await page.waitForSelector('body[data-swagger="ready"]');
      if (path === '/_mock/docs/ss12000/swagger-ui.html') await shoot(page, 'ss12000-subset-swagger-ui');
      if (path === '/_mock/live') await page.waitForSelector('body[data-live="connected"]');
    }
    await page.close();
    expect(browser.problems).toEqual([]);
  });

  it('the workbench mints over /transaction and flags an expired token and one for another location', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.selectOption('#mint-organisation', ORGANISATION);
    await page.click('#mint-submit');
    await page.waitForSelector('#mint-answer[data-status="200"]');
    await page.click('#check-submit');
    await page.waitForSelector('#check-answer[data-ok="true"]');
    await shoot(page, 'home');
    await shoot(page, 'token-workbench', '#workbench');

    await page.selectOption('#mint-fault', 'expired');
    await page.click('#mint-submit');
    await page.waitForSelector('#mint-answer[data-status="200"] >> text=fault armed: expired');
    await page.click('#check-submit');
    await page.waitForSelector('#check-answer[data-ok="false"]');
    expect(await page.getAttribute('tr[data-check="exp"]', 'data-outcome')).toBe('failed');
    expect(await page.getAttribute('tr[data-check="signature"]', 'data-outcome')).toBe('passed');

    await page.selectOption('#mint-fault', '');
    await page.fill('#mint-location', 'https://other.example/provtjanst/provisioning/v1');
    await page.click('#mint-submit');
    await page.waitForSelector('#mint-answer[data-status="200"]:not(:has-text("fault armed"))');
    await page.click('#check-submit');
    await page.waitForSelector('#check-answer[data-ok="false"]');
    expect(await page.getAttribute('tr[data-check="access_location"]', 'data-outcome')).toBe('failed');
    expect(await page.getAttribute('tr[data-check="exp"]', 'data-outcome')).toBe('passed');
    await page.close();
    expect(browser.problems).toEqual([]);
  });

  it('renders both contracts in Swagger UI, and "Try it out" with the workbench token answers 200', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/provtjanst/open-data/v1/swagger-ui.html`);
    await page.waitForSelector('body[data-swagger="ready"]');
    expect(await page.locator('.opblock').count()).toBeGreaterThan(3);

    // A fresh token from the workbench (the last one named another location).
    await page.goto(`${origin}/`);
    await page.click('#mint-submit');
    await page.waitForSelector('#mint-answer[data-status="200"]');
    await page.goto(`${origin}/provtjanst/provisioning/v1/swagger-ui.html`);
    await page.waitForSelector('body[data-swagger="ready"]');
    await page.waitForSelector('#token-hint:not([hidden])');
    expect(await page.locator('.opblock').count()).toBeGreaterThan(10);
    await shoot(page, 'provisioning-swagger-ui');
    const operation = page.locator('.opblock-get', { has: page.locator('[data-path="/persons"]') }).first();
    await operation.locator('.opblock-summary').click();
    await operation.locator('button.try-out__btn').click();
    // Swagger UI fills in the spec's example pageToken; a first page has none.
    await operation.locator('tr[data-param-name="pageToken"] input').fill('');
    const answered = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/provtjanst/provisioning/v1/persons',
    );
    await operation.locator('button.execute').click();
    expect((await answered).status()).toBe(200);
    await operation.locator('.live-responses-table tbody .response-col_status').first().waitFor();
    expect(
      (
        await operation.locator('.live-responses-table tbody .response-col_status').first().textContent()
      )?.trim(),
    ).toBe('200');
    await page.close();
    expect(browser.problems).toEqual([]);
  });

  it('shows a push by the reference client in the live view within 2 s, arrows in order token, bulk, job status', async () => {
    const client = await issueDevClient({
      stateDir,
      organisation: ORGANISATION,
      outDir: join(stateDir, 'client'),
    });
    const dataset = generateDataset({ organisationNumber: ORGANISATION, pupils: 3, seed: 7 });
    const dataDir = join(stateDir, 'data');
    mkdirSync(dataDir, { recursive: true });
    for (const resource of ['persons', 'duties', 'groups', 'activities'] as const) {
      writeFileSync(join(dataDir, `${resource}.json`), JSON.stringify({ data: dataset[resource] }));
    }
    const page = await browser.newPage();
    await page.goto(`${origin}/_mock/live`);
    await page.waitForSelector('body[data-live="connected"]');
    await page.click('#reset');
    await page.waitForFunction("document.querySelectorAll('#rows .flow-row').length === 0");

    const token = nextEntry(mock, (e) => e.path === '/transaction');
    const run = runPushClient({
      PROVTJANST_AUTH_URL: mock.localHttpsUrl,
      PROVTJANST_PROVISIONING_URL: `${origin}/provtjanst/provisioning/v1`,
      PROVTJANST_CLIENT_CERT: client.files!.cert,
      PROVTJANST_CLIENT_KEY: client.files!.key,
      PROVTJANST_CA_CERT: client.files!.ca,
      PROVTJANST_DATA_DIR: dataDir,
    });
    const tokenEntry = await token;
    await page.waitForSelector(`.flow-row[data-seq="${tokenEntry.seq}"]`, { timeout: 2000 });
    expect(await run).toBe(0);
    const lastStatus = mock.mock.services.journal
      .query({ component: 'provisioning', path: '/bulk/jobs/' })
      .at(-1) as JournalEntry;
    await page.waitForSelector(`.flow-row[data-seq="${lastStatus.seq}"]`, { timeout: 2000 });
    const kinds = await page.$$eval('#rows .flow-row', (rows) =>
      rows.map((row) => row.getAttribute('data-kind')),
    );
    const first = (kind: string) => kinds.indexOf(kind);
    expect(first('token')).toBeGreaterThanOrEqual(0);
    expect(first('token')).toBeLessThan(first('write'));
    expect(first('write')).toBeLessThan(first('job'));
    expect(first('write')).toBeLessThan(first('status'));
    await page.waitForSelector('#jobs .job[data-completed="true"]');
    await page.locator(`.flow-row[data-seq="${tokenEntry.seq}"]`).click();
    await page.waitForSelector('#evidence[open]');
    const answer = await page.textContent('#evidence-response');
    expect(answer).toContain('access_token');
    expect(answer).toMatch(/\[(token )?[A-Za-z0-9_-]{16}\]/);
    expect(answer).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
    await page.keyboard.press('Escape');
    await shoot(page, 'live-view');
    await page.close();
    expect(browser.problems).toEqual([]);
  });

  it('a fault switch makes the next Provisioning call answer 503', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/_mock/live`);
    await page.waitForSelector('body[data-live="connected"]');
    const patched = page.waitForResponse((r) => r.url().endsWith('/_mock/provisioning/faults'));
    await page.check('#fault-unavailable');
    expect((await patched).status()).toBe(200);
    const { value } = await mock.mock.services.auth.issueToken({
      organisationNumber: ORGANISATION,
      entityId: 'https://web-test.example',
      access: [{ type: 'provisioning-api', locations: [`${origin}/provtjanst/provisioning/v1`] }],
      authSource: 'mtls',
    });
    const res = await fetch(`${origin}/provtjanst/provisioning/v1/persons`, {
      headers: { authorization: `Bearer ${value}` },
    });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { id: string }[])[0]?.id).toBe('5022');
    const cleared = page.waitForResponse((r) => r.url().endsWith('/_mock/provisioning/faults'));
    await page.uncheck('#fault-unavailable');
    await cleared;
    await page.close();
    expect(browser.problems).toEqual([]);
  });

  it('registering the reference SS 12000 API on the Administration page shows a finished sync', async () => {
    const client = await issueDevClient({ stateDir, organisation: ORGANISATION });
    const api = createReferenceApi({
      jwksUrl: `${origin}/.well-known/jwks.json`,
      dataset: buildDemoDataset(demoFacts(mock.mock.services.catalogue), {
        persons: 20,
        at: new Date(Date.now() - 86_400_000).toISOString(),
      }),
      webhookTokens: createMtlsTokenClient({
        transactionUrl: `${mock.localHttpsUrl}/transaction`,
        credentials: { certPem: client.certPem, keyPem: client.keyPem, caPem: client.caPem },
      }),
    });
    const server = createAdaptorServer({ fetch: api.app.fetch }) as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const vendorUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    api.setBaseUrl(vendorUrl);
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/_mock/admin?org=${ORGANISATION}`);
      await page.fill('#ss12000-url', vendorUrl);
      await page.click('#register-submit');
      await page.waitForSelector(`.registration[data-url="${vendorUrl}"][data-state="synced"]`, {
        timeout: 15_000,
      });
      await page.waitForSelector(`.registration[data-url="${vendorUrl}"] tr[data-job-state="succeeded"]`);
      await page.fill('#notice-email', 'skyddade@testorganisation.se');
      await page.click('#contacts button[type="submit"]');
      await page.waitForSelector('#contacts >> text=saved');
      await page.check('#attest');
      await page.click('#pseudonymisation button[type="submit"]');
      await page.waitForSelector('#pseudonymisation .badge.ok >> text=attested');
      expect(
        (await fetch(`${origin}/_mock/admin/organisations/SE${ORGANISATION}/settings`).then((r) =>
          r.json(),
        )) as object,
      ).toMatchObject({
        protectedDataNoticeEmail: 'skyddade@testorganisation.se',
        pseudonymisationAttested: true,
      });
      expect(
        (mock.mock.services.journal.query({ path: '/persons', direction: 'outbound' }).length ?? 0) > 0,
      ).toBe(true);
      await shoot(page, 'administration');
      await page.goto(`${origin}/_mock`);
      await shoot(page, 'control-plane');
      await page.close();
    } finally {
      await mock.mock.services.ss12000Client.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
    expect(browser.problems).toEqual([]);
  });
});
