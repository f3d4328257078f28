// A client that abandons a chunked upload is journaled as aborted: status 0, no 500 [5004], no stack trace.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLIENT_ABORTED } from '../../src/journal/index.js';
import { type MockHarness, ORG, startMockHarness } from '../mock-ss12000-client/harness.js';

/** Sends the head and a first chunk of a chunked upload, then closes the socket. */
function abandonUpload(port: number, path: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      const head = [
        `PUT ${path} HTTP/1.1`,
        'host: 127.0.0.1',
        'content-type: application/json',
        'transfer-encoding: chunked',
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
        '',
        '',
      ].join('\r\n');
      const chunk = '{"data":[{"id":"a"';
      socket.write(`${head}${chunk.length.toString(16)}\r\n${chunk}\r\n`, () => {
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
    });
    socket.on('error', reject);
  });
}

describe('an abandoned chunked upload', () => {
  let mock: MockHarness;
  beforeAll(async () => {
    mock = await startMockHarness();
  });
  afterAll(async () => mock?.close());

  const waitForEntry = async (path: string) => {
    const journal = mock.running.mock.services.journal;
    for (let i = 0; i < 200; i++) {
      const entry = journal.query({ path }).at(-1);
      if (entry) return entry;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no journal entry for ${path}`);
  };

  it.each([
    ['the Provisioning API', '/provtjanst/provisioning/v1/persons/bulk', true],
    ['the control plane', '/_mock/auth/faults', false],
  ])('on %s is journaled as aborted, without a stack trace', async (_name, path, needsToken) => {
    const errors = vi.spyOn(console, 'error');
    try {
      const headers: Record<string, string> = {};
      if (needsToken) {
        const token = await mock.running.mock.services.auth.issueToken({
          organisationNumber: ORG,
          entityId: 'https://client.example',
          access: [{ type: 'provisioning-api', locations: [mock.running.urls.provisioning] }],
          authSource: 'tlsfed',
        });
        headers.authorization = `Bearer ${token.value}`;
      }
      await abandonUpload(mock.running.httpPort, path, headers);
      const entry = await waitForEntry(path);
      expect(entry).toMatchObject({ status: 0, error: CLIENT_ABORTED, notes: { aborted: true } });
      expect(entry.responseBody ?? '').not.toContain('5004');
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
