// docs/rules.md as the docs script renders it: the catalogue, with the built-in scenarios that check each rule.
import { PULL_RULES } from './pull/rules/pull-catalogue.js';
import { PUSH_RULES } from './push/rules/catalogue.js';
import { type RulesSection, renderRulesMarkdown } from './rule/render-rules-markdown.js';
import { loadBuiltinScenarios } from './scenario/find-scenarios.js';

const PULL_SECTION: RulesSection = {
  heading: '# Pull conformance rules (SS 12000 API)',
  intro: [
    "What `provtjanst-mock conform ss12000` checks in a vendor's SS 12000 API: the mock plays Skolverket's",
    'SS12000 client, probes the API and judges its answers and its webhooks (see',
    '[conformance-ss12000.md](conformance-ss12000.md)). Same severities and exit codes as the push rules.',
  ],
};

export function renderRulesDoc(): string {
  const index = (target: 'push' | 'ss12000') =>
    loadBuiltinScenarios(undefined, target).map((s) => ({
      id: s.id,
      title: s.title,
      ruleIds: s.rules.map((r) => r.ruleId),
    }));
  return `${renderRulesMarkdown(PUSH_RULES, index('push'))}
${renderRulesMarkdown(PULL_RULES, index('ss12000'), PULL_SECTION)}`;
}
