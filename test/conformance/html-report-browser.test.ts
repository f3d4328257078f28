// The HTML report in a real browser (Debian's chromium): local times, the matrix first, and a click on an
// evidence line showing that exchange's bodies, with no request leaving the page.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/conformance/reporters/html-reporter.js';
import { sampleReport } from './support/sample-report.js';

const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('the HTML report in a browser', () => {
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    const bodies = new Map([
      [
        'rate-limit-storm#8',
        {
          request: { contentType: 'application/json', body: '{"data":[{"id":"p1"}]}', bytes: 22 },
          response: {
            contentType: 'application/json',
            body: '{"code":"too_many","message":"slow </script> down"}',
            bytes: 50,
          },
        },
      ],
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'html-report-'));
    const file = join(dir, 'conformance.html');
    writeFileSync(file, renderHtml(sampleReport(), bodies));
    url = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows local times, opens with the matrix, and opens an exchange on a click', async () => {
    const page = await browser.newPage({ timezoneId: 'Europe/Stockholm', locale: 'sv-SE' });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);

    const first = await page.locator('table').first().getAttribute('class');
    expect(first).toBe('matrix');
    // 08:00:01.010 UTC is 10:00:01 in Stockholm in September.
    const line = page.locator('button.req[data-ex="rate-limit-storm#8"]');
    expect(await line.locator('time').textContent()).toMatch(/^10:00:01/);
    expect(await page.locator('#zone').textContent()).toContain('Europe/Stockholm');

    await line.click();
    const dialog = page.locator('dialog#exchange');
    expect(await dialog.isVisible()).toBe(true);
    expect(await page.locator('#req-body').textContent()).toBe(
      '{\n  "data": [\n    {\n      "id": "p1"\n    }\n  ]\n}',
    );
    expect(await page.locator('#res-body').textContent()).toContain('slow </script> down');
    await page.locator('#exchange-close').click();
    expect(await dialog.isVisible()).toBe(false);

    expect(errors).toEqual([]);
    expect(requests.filter((r) => !r.startsWith('file:'))).toEqual([]);
  }, 30_000);
});
