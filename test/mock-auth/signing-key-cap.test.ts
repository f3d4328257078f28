// Retained signing keys are capped: past --max-signing-keys, the oldest rotated-out keys leave the JWKS and the disk.
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createControlledClock } from '../../src/clock/index.js';
import { SigningKeyStore } from '../../src/mock-auth/signing-keys.js';
import { makeTempDir, removeTempDir } from '../support/pki.js';
import { createAuthHarness } from './harness.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeTempDir(dir);
});

describe('signing-key cap', () => {
  it('keeps at most --max-signing-keys after 30 rotations over the control plane, newest first', async () => {
    const h = await createAuthHarness({ keyGracePeriod: 864_000, maxSigningKeys: 4 });
    try {
      const rotations: { kid: string; retiredKid: string }[] = [];
      for (let i = 0; i < 30; i++) {
        const res = await h.app.request('/_mock/auth/rotate', { method: 'POST' });
        rotations.push((await res.json()) as { kid: string; retiredKid: string });
      }
      const kids = h.auth.jwks().keys.map((key) => key.kid);
      expect(kids).toHaveLength(4);
      // The current key, then the three most recently rotated out.
      expect(kids).toEqual([
        rotations[29]?.kid,
        rotations[29]?.retiredKid,
        rotations[28]?.retiredKid,
        rotations[27]?.retiredKid,
      ]);
      const files = readdirSync(join(h.stateDir, 'signing-keys')).filter((f) => f.endsWith('.jwk.json'));
      expect(files.sort()).toEqual(kids.map((kid) => `${kid}.jwk.json`).sort());
    } finally {
      await h.close();
    }
  });

  it('applies the cap to keys found on disk at start, and narrows their files to 0600', async () => {
    const dir = makeTempDir('signing-keys-');
    dirs.push(dir);
    const clock = createControlledClock();
    const wide = await SigningKeyStore.open(dir, clock, 864_000, 10);
    for (let i = 0; i < 7; i++) await wide.rotate();
    const first = readdirSync(dir)[0] as string;
    chmodSync(join(dir, first), 0o644);

    const narrow = await SigningKeyStore.open(dir, clock, 864_000, 3);
    expect(narrow.jwks().keys).toHaveLength(3);
    const left = readdirSync(dir);
    expect(left).toHaveLength(3);
    for (const name of left) expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
  });
});
