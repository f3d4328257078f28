// Pages behind the control guard: with a control token set, every page needs it (cookie or header); APIs do not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../src/server.js';
import { makeTempDir, removeTempDir } from '../support/pki.js';

const TOKEN = 'a-control-token-of-some-length';
const PAGES = [
  '/',
  '/_mock',
  '/_mock/admin',
  '/_mock/live',
  '/provtjanst/provisioning/v1/swagger-ui.html',
  '/provtjanst/open-data/v1/swagger-ui.html',
  '/_mock/docs/ss12000/swagger-ui.html',
  '/_mock/web/assets/page.css',
];

describe('pages of a guarded mock', () => {
  let stateDir: string;
  let mock: RunningMock;
  let base: string;

  beforeAll(async () => {
    stateDir = makeTempDir('web-guard-');
    mock = await startMock({ settings: { port: 0, httpsPort: 0, stateDir, controlToken: TOKEN } });
    base = mock.localHttpUrl;
  });
  afterAll(async () => {
    await mock?.close();
    if (stateDir) removeTempDir(stateDir);
  });

  it('refuses every page without the token: the sign-in page to a browser, the JSON refusal to a script', async () => {
    for (const path of PAGES) {
      const browser = await fetch(base + path, { headers: { accept: 'text/html,*/*;q=0.8' } });
      expect(browser.status, path).toBe(401);
      if (!path.endsWith('.css')) expect(await browser.text(), path).toContain('id="sign-in"');
      const script = await fetch(base + path, { headers: { accept: 'application/json' } });
      expect(script.status, path).toBe(401);
      expect(((await script.json()) as { code: string }).code, path).toBe('control_token_required');
    }
  });

  it('serves every page with the cookie or the header, and leaves the APIs to their own auth', async () => {
    for (const path of PAGES) {
      const withCookie = await fetch(base + path, {
        headers: { cookie: `provtjanst_control_token=${TOKEN}` },
      });
      expect(withCookie.status, path).toBe(200);
      const withHeader = await fetch(base + path, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(withHeader.status, path).toBe(200);
    }
    const wrong = await fetch(`${base}/`, {
      headers: { cookie: 'provtjanst_control_token=not-the-token-at-all' },
    });
    expect(wrong.status).toBe(401);
    expect((await fetch(`${base}/provtjanst/open-data/v1/programmes`)).status).toBe(200);
    expect((await fetch(`${base}/.well-known/jwks.json`)).status).toBe(200);
  });
});
