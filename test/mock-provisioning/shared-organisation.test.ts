// Several certificates of one huvudman (dnp-facts §1): each gets its own token over real mTLS, and each has
// full access to that huvudman's data; a certificate of another huvudman sees none of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControlledClock } from '../../src/clock/index.js';
import { issueDevClient } from '../../src/mock-auth/index.js';
import { type RunningMock, startMock } from '../../src/server.js';
import { makeTempDir, removeTempDir, tlsRequest } from '../support/pki.js';
import { nthPupil } from './fixtures.js';

const ORG = '5567044268';
const OTHER_ORG = '5569123457';

describe('several certificates of one organisation', () => {
  let stateDir: string;
  let running: RunningMock;

  beforeAll(async () => {
    stateDir = makeTempDir();
    running = await startMock({
      settings: { port: 0, httpsPort: 0, stateDir, jobDelay: 0, rateLimit: false },
      clock: createControlledClock(),
    });
  });

  afterAll(async () => {
    await running?.close();
    removeTempDir(stateDir);
  });

  /** A provisioning-api token over mTLS for a fresh certificate of `organisation` (approved-CA mode). */
  async function tokenForNewCertificate(organisation: string, entityId: string): Promise<string> {
    const client = await issueDevClient({ stateDir, organisation, entityId });
    const res = await tlsRequest({
      port: running.httpsPort,
      path: '/transaction',
      ca: client.caPem,
      cert: client.certPem,
      key: client.keyPem,
      body: {
        access_token: [
          {
            access: [{ type: 'provisioning-api', locations: [running.urls.provisioning] }],
            flags: ['bearer'],
          },
        ],
        client: { key: { proof: 'mtls', 'cert#S256': client.thumbprint } },
      },
    });
    expect(res.status).toBe(200);
    return (res.json as { access_token: { value: string } }).access_token.value;
  }

  const api = (path: string, token: string, init: RequestInit = {}) =>
    fetch(`${running.localHttpUrl}/provtjanst/provisioning/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });

  it('lets a second certificate of the huvudman read and change what the first one sent', async () => {
    const first = await tokenForNewCertificate(ORG, 'https://sis-a.huvudman.test');
    const second = await tokenForNewCertificate(ORG, 'https://sis-b.huvudman.test');
    expect(second).not.toBe(first);

    const pupil = nthPupil(7);
    const submitted = await api('/persons/bulk', first, {
      method: 'POST',
      body: JSON.stringify({ data: [pupil] }),
    });
    expect(submitted.status).toBe(202);
    await running.mock.services.provisioning.jobs.idle();

    const read = await api(`/persons/${pupil.id}`, second);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { id: string }).id).toBe(pupil.id);

    const removed = await api('/persons/bulk/delete', second, {
      method: 'POST',
      body: JSON.stringify({ data: [pupil.id] }),
    });
    expect(removed.status).toBe(202);
    await running.mock.services.provisioning.jobs.idle();
    expect((await api(`/persons/${pupil.id}`, first)).status).toBe(404);
  });

  it("gives another huvudman's certificate none of it", async () => {
    const mine = await tokenForNewCertificate(ORG, 'https://sis-c.huvudman.test');
    const pupil = nthPupil(8);
    await api('/persons/bulk', mine, { method: 'POST', body: JSON.stringify({ data: [pupil] }) });
    await running.mock.services.provisioning.jobs.idle();
    expect((await api(`/persons/${pupil.id}`, mine)).status).toBe(200);

    const theirs = await tokenForNewCertificate(OTHER_ORG, 'https://other.huvudman.test');
    expect((await api(`/persons/${pupil.id}`, theirs)).status).toBe(404);
  });
});
