// The contracts shipped in spec/ are Skolverket's files, byte for byte: each one's SHA-256 is the one spec/README.md records.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SPEC_DIR = new URL('../../spec/', import.meta.url);

/** The "- `file` sha256" lines of spec/README.md. */
function recordedHashes(): Map<string, string> {
  const readme = readFileSync(new URL('README.md', SPEC_DIR), 'utf8');
  const hashes = new Map<string, string>();
  for (const match of readme.matchAll(/^- `([^`]+\.yaml)` ([0-9a-f]{64})$/gm)) {
    hashes.set(match[1] as string, match[2] as string);
  }
  return hashes;
}

describe('packaged spec', () => {
  const hashes = recordedHashes();
  const files = readdirSync(SPEC_DIR).filter((name) => name.endsWith('.yaml'));

  it('ships the three official contracts, each with a recorded hash', () => {
    expect(files.sort()).toEqual(
      ['open-data-api-1.0.0.yaml', 'provisioning-api-1.3.2.yaml', 'ss12000-dnp-subset-api.yaml'].sort(),
    );
    expect([...hashes.keys()].sort()).toEqual(files.sort());
  });

  it.each(files)('%s is byte-identical to the official file (SHA-256 in spec/README.md)', (file) => {
    const actual = createHash('sha256')
      .update(readFileSync(new URL(file, SPEC_DIR)))
      .digest('hex');
    expect(actual).toBe(hashes.get(file));
  });
});
