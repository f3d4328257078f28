// How changes are made: the hook's environment contract and failures, a person at the keyboard, and nobody.
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  type ChangeRequest,
  changeHookEnv,
  createHookDriver,
  createInteractiveDriver,
  createNoChangeDriver,
} from '../../../src/conformance/pull/probe/change-driver.js';

const REQUEST: ChangeRequest = {
  kind: 'person-bulk-update',
  resource: 'Person',
  ids: ['a1', 'b2'],
  labels: ['Person a1 (Alva Lind)', 'Person b2 (Hugo Holm)'],
  scenarioId: 'ss12000-webhook-incremental',
  vendorUrl: 'http://vendor.test',
  organisationNumber: '5567044268',
  target: 'http://localhost:8080/provtjanst/ss12000/klient/v1/webhooks/u1',
  subscriptionId: 's1',
  mockUrl: 'http://localhost:8080',
};

describe('the change hook', () => {
  it('gets the change, the ids and where things are in PROVTJANST_* variables', () => {
    expect(changeHookEnv(REQUEST, {})).toEqual({
      PROVTJANST_CHANGE: 'person-bulk-update',
      PROVTJANST_CHANGE_RESOURCE: 'Person',
      PROVTJANST_CHANGE_ID: 'a1',
      PROVTJANST_CHANGE_IDS: 'a1,b2',
      PROVTJANST_API_URL: 'http://vendor.test',
      PROVTJANST_ORGANISATION: '5567044268',
      PROVTJANST_WEBHOOK_TARGET: REQUEST.target,
      PROVTJANST_SUBSCRIPTION_ID: 's1',
      PROVTJANST_MOCK_URL: 'http://localhost:8080',
      PROVTJANST_SCENARIO: 'ss12000-webhook-incremental',
    });
  });

  it('runs the command through the shell with that environment', async () => {
    const out = join(tmpdir(), `hook-${process.pid}.txt`);
    const driver = createHookDriver({
      command: `echo "$PROVTJANST_CHANGE $PROVTJANST_CHANGE_IDS" > ${out}`,
      timeoutMs: 5000,
    });
    const outcome = await driver.make(REQUEST);
    expect(outcome).toMatchObject({ made: true });
    expect(readFileSync(out, 'utf8').trim()).toBe('person-bulk-update a1,b2');
    rmSync(out, { force: true });
  });

  it('reports a failing hook as not made and as a harness error, with its last output', async () => {
    const driver = createHookDriver({ command: 'echo "ingest refused" >&2; exit 3', timeoutMs: 5000 });
    const outcome = await driver.make(REQUEST);
    expect(outcome.made).toBe(false);
    expect(outcome.harnessError).toBe('the change hook exited with 3 for person-bulk-update: ingest refused');
  });
});

describe('the interactive driver', () => {
  it('shows what to change and waits for Enter', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk) => {
      shown += String(chunk);
      if (shown.includes('Press Enter')) input.write('\n');
    });
    const outcome = await createInteractiveDriver(input, output, () => 1000).make(REQUEST);
    expect(outcome).toMatchObject({ made: true, startMs: 1000 });
    expect(shown).toContain('Change all of these persons in one go');
    expect(shown).toContain('Person b2 (Hugo Holm)');
  });

  it('lets the person skip a change', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    output.on('data', (chunk) => {
      if (String(chunk).includes('Press Enter')) input.write('skip\n');
    });
    expect(await createInteractiveDriver(input, output, () => 0).make(REQUEST)).toMatchObject({
      made: false,
      notMadeBecause: 'skipped at the keyboard',
    });
  });
});

describe('without a way to change data', () => {
  it('makes nothing and says why', async () => {
    expect(await createNoChangeDriver(() => 5).make(REQUEST)).toEqual({
      made: false,
      notMadeBecause: 'no --change-hook was given (nor --interactive)',
      startMs: 5,
      endMs: 5,
    });
  });
});
