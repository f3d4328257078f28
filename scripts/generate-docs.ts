// Regenerates the generated documentation (configuration, data rules, conformance rules) from the code.
import { writeFileSync } from 'node:fs';
import { GENERATED_DOCS } from './generated-docs.js';

for (const { file, render } of GENERATED_DOCS) {
  writeFileSync(file, await render());
  console.log(`wrote ${file}`);
}
