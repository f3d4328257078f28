// The list of generated documents and how each is rendered; a test checks every one is up to date.
import { renderSettingsMarkdown } from '../src/cli/settings-help.js';
import { ALL_SETTINGS } from '../src/config/index.js';
import { renderRulesDoc } from '../src/conformance/rules-doc.js';
import { renderDataRulesMarkdown } from '../src/model/render-rules-doc.js';

export interface GeneratedDoc {
  file: string;
  render: () => string | Promise<string>;
}

export const GENERATED_DOCS: GeneratedDoc[] = [
  { file: 'docs/configuration.md', render: () => renderSettingsMarkdown(ALL_SETTINGS) },
  { file: 'docs/rules.md', render: renderRulesDoc },
  { file: 'docs/data-rules.md', render: renderDataRulesMarkdown },
];
