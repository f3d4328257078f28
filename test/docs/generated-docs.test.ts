// Every generated document in docs/ matches what the code renders today (run `npm run docs` to refresh).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_DOCS } from '../../scripts/generated-docs.js';

describe('generated docs', () => {
  for (const { file, render } of GENERATED_DOCS) {
    it(`${file} is up to date`, async () => {
      expect(readFileSync(file, 'utf8')).toBe(await render());
    });
  }
});
