// A run replaces the report set it writes: no stale HTML or HAR from an earlier run beside the new JUnit.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runConformCommand } from '../../src/cli/conform.js';
import { makeTempDir } from '../support/pki.js';

beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

/** A scenario whose fixture is broken: the run ends at once with a harness error, and still reports. */
function brokenScenario(dir: string): string {
  mkdirSync(join(dir, 'broken'));
  writeFileSync(join(dir, 'broken', 'persons.json'), '{ not json');
  const file = join(dir, 'broken-fixture.yaml');
  writeFileSync(
    file,
    'id: broken-fixture\ntitle: Broken\ndescription: x\ntarget: push\ndataset: { fixture: broken }\nrules: [PUSH-DATA-001]\n',
  );
  return file;
}

describe('report folder', () => {
  it('a run that writes JUnit removes the earlier HTML, JSON and HAR files, and nothing else', async () => {
    const dir = makeTempDir('report-set-');
    const out = join(dir, 'reports');
    mkdirSync(join(out, 'har'), { recursive: true });
    for (const stale of ['conformance.html', 'conformance.json', 'junit.xml', 'har/happy-path.har'])
      writeFileSync(join(out, stale), 'from an earlier run');
    writeFileSync(join(out, 'jwks.json'), '{"keys":[]}');
    writeFileSync(join(out, 'har', 'notes.txt'), 'mine');

    const code = await runConformCommand([
      'push',
      '--client',
      'true',
      '--scenario',
      brokenScenario(dir),
      '--reporter',
      'junit',
      '--out',
      out,
    ]);
    expect(code).toBe(2);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain('broken-fixture');
    expect(existsSync(join(out, 'conformance.html'))).toBe(false);
    expect(existsSync(join(out, 'conformance.json'))).toBe(false);
    expect(existsSync(join(out, 'har', 'happy-path.har'))).toBe(false);
    expect(readFileSync(join(out, 'jwks.json'), 'utf8')).toBe('{"keys":[]}');
    expect(readFileSync(join(out, 'har', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('a console-only run writes nothing and leaves the folder alone', async () => {
    const dir = makeTempDir('report-set-console-');
    const out = join(dir, 'reports');
    mkdirSync(out);
    writeFileSync(join(out, 'junit.xml'), 'kept');
    await runConformCommand(['push', '--client', 'true', '--scenario', brokenScenario(dir), '--out', out]);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toBe('kept');
  });
});
