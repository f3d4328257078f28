// The serve banner: the insecure-dev warning comes first, and its certificate-free token request works as printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBanner } from '../../src/cli/serve-banner.js';
import { type RunningMock, startMock } from '../../src/server.js';
import { makeTempDir } from '../support/pki.js';

describe('serve banner with --insecure-dev-auth', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({
      settings: {
        port: 0,
        httpsPort: 0,
        host: '127.0.0.1',
        stateDir: makeTempDir('banner-'),
        insecureDevAuth: true,
      },
    });
  });
  afterAll(async () => mock?.close());

  it('puts the warning first', () => {
    const lines = renderBanner(mock, undefined, true).split('\n');
    expect(lines[0]).toMatch(/^!!! INSECURE DEV AUTH IS ON/);
    expect(renderBanner(mock, undefined, false)).not.toContain('INSECURE');
  });

  it('prints a certificate-free curl that gets a token from this mock as printed', async () => {
    const banner = renderBanner(mock, undefined, true);
    const body = /-d '(\{.*"proof":"insecure-dev".*\})'/.exec(banner)?.[1];
    const url = new RegExp(`^ {2}(${mock.urls.transaction})$`, 'm').exec(banner)?.[1];
    expect(body).toBeDefined();
    expect(url).toBe(`${mock.urls.root}/transaction`);
    expect(url?.startsWith('http://')).toBe(true);
    const res = await fetch(url as string, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body as string,
    });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { access_token: { value: string } };
    const payload = JSON.parse(
      Buffer.from(answer.access_token.value.split('.')[1] as string, 'base64url').toString(),
    );
    expect(payload).toMatchObject({ auth_source: 'insecure-dev', organization_id: 'SE5567044268' });
  });
});
