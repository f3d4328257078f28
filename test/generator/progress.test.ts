// Progress on stderr: silent up to 10,000 pupils, a bar on a terminal, a line per 10 % otherwise.
import { describe, expect, it } from 'vitest';
import { createProgressReporter, generateDataset } from '../../src/generator/index.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (text: string) => writes.push(text) }, writes };
}

describe('progress', () => {
  it('says nothing at or below 10,000 pupils', () => {
    expect(createProgressReporter(fakeStream(true).stream, 10_000)).toBeUndefined();
  });

  it('draws a bar on a terminal, ending with a newline', () => {
    const { stream, writes } = fakeStream(true);
    const report = createProgressReporter(stream, 20_000);
    report?.({ done: 10_000, total: 20_000 });
    report?.({ done: 20_000, total: 20_000 });
    expect(writes[0]).toMatch(/^\rpupils \[#{15}\.{15}\] {2}50% 10,000\/20,000$/);
    expect(writes.at(-1)).toBe('\n');
  });

  it('prints a plain line per 10 % when stderr is not a terminal', () => {
    const { stream, writes } = fakeStream(false);
    generateDataset({
      organisationNumber: '5567044268',
      pupils: 12_000,
      onProgress: createProgressReporter(stream, 12_000),
    });
    expect(writes).toHaveLength(10);
    expect(writes[0]).toBe('generate: 10% (2,000/12,000 pupils)\n');
    expect(writes.at(-1)).toBe('generate: 100% (12,000/12,000 pupils)\n');
  });
});
