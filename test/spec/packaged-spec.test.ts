// The SS 12000 subset spec shipped in spec/ (for the runner's shape checks) is Skolverket's file, byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('packaged spec', () => {
  it('spec/ss12000-dnp-subset-api.yaml equals the official file in shared/spec/', () => {
    const packaged = readFileSync(new URL('../../spec/ss12000-dnp-subset-api.yaml', import.meta.url));
    const official = readFileSync(
      new URL('../../../shared/spec/ss12000-dnp-subset-api.yaml', import.meta.url),
    );
    expect(packaged.equals(official)).toBe(true);
  });
});
