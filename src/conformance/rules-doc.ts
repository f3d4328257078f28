// docs/rules.md as the docs script renders it: the catalogue, with the built-in scenarios that check each rule.
import { PUSH_RULES } from './rules/catalogue.js';
import { renderRulesMarkdown } from './rules/render-rules-markdown.js';
import { loadBuiltinScenarios } from './scenario/find-scenarios.js';

export function renderRulesDoc(): string {
  const scenarios = loadBuiltinScenarios(undefined, 'push').map((s) => ({
    id: s.id,
    title: s.title,
    ruleIds: s.rules.map((r) => r.ruleId),
  }));
  return renderRulesMarkdown(PUSH_RULES, scenarios);
}
