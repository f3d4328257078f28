// Renders the rule catalogue as docs/rules.md (generated; `npm run docs` refreshes it, a test checks it).
import { describeParams, type RuleDocEntry } from './rule.js';

export interface ScenarioRuleIndex {
  id: string;
  title: string;
  ruleIds: readonly string[];
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The heading and opening paragraph of one catalogue section. */
export interface RulesSection {
  heading: string;
  intro: readonly string[];
  /** The generated-file comment on top (the first section only). */
  banner?: boolean;
}

/** Which severities fail the exit code: the same for push and pull. */
export const SEVERITY_LINES: readonly string[] = [
  '| severity | means | fails the run (exit code 1) |',
  '|---|---|---|',
  '| **blocker** | data does not arrive, or arrives wrong | yes |',
  "| **major** | breaks under Skolverket's limits or loads the service | yes |",
  '| **minor** | wasteful | yes |',
  "| **advisory** | a departure from the contract that Skolverket's own service tolerates | no: reported (console, JSON `advised`, JUnit `system-out`, HTML), never failing |",
  '',
  'A rule with nothing to judge is **skipped**, with its reason, and never counts as passed. A scenario whose',
  'rules were all skipped is **not judged** (status `skipped`); a run in which every scenario was skipped exits 2,',
  'like a harness or configuration fault, because it showed nothing.',
];

const PUSH_SECTION: RulesSection = {
  heading: '# Push conformance rules',
  intro: [
    'What `provtjanst-mock conform push` checks in the behaviour of a push client, judged from the traffic the',
    'mock recorded (see [conformance.md](conformance.md)).',
    '',
    ...SEVERITY_LINES,
  ],
  banner: true,
};

/** The markdown of docs/rules.md: a summary table, then one section per rule. */
export function renderRulesMarkdown(
  rules: readonly RuleDocEntry[],
  scenarios: readonly ScenarioRuleIndex[] = [],
  section: RulesSection = PUSH_SECTION,
): string {
  const lines = [
    ...(section.banner
      ? ['<!-- Generated from src/conformance/rules by `npm run docs`; do not edit by hand. -->']
      : []),
    section.heading,
    '',
    ...section.intro,
    '',
    '| id | title | severity | scenarios |',
    '|---|---|---|---|',
  ];
  const scenariosOf = (id: string) =>
    scenarios.filter((s) => s.ruleIds.includes(id)).map((s) => `\`${s.id}\``);
  for (const rule of rules) {
    lines.push(
      `| [${rule.id}](#${rule.id.toLowerCase()}) | ${cell(rule.title)} | ${rule.severity} | ${scenariosOf(rule.id).join(', ')} |`,
    );
  }
  for (const rule of rules) {
    lines.push(
      '',
      `## ${rule.id}`,
      '',
      `**${rule.title}** (${rule.severity})`,
      '',
      `**Why.** ${rule.why}`,
      '',
    );
    lines.push(`**Fix.** ${rule.fix}`, '', '**Sources.**', '');
    for (const source of rule.sources) lines.push(`- [${source.title}](${source.url})`);
    const params = describeParams(rule);
    if (params.length > 0) {
      lines.push(
        '',
        '**Parameters** (set per scenario under `rules: [{ id, params }]`).',
        '',
        '| name | default | meaning |',
        '|---|---|---|',
      );
      for (const p of params) {
        const fallback = p.default === undefined ? '—' : `\`${JSON.stringify(p.default)}\``;
        lines.push(`| \`${p.name}\` | ${fallback} | ${cell(p.description)} |`);
      }
    }
    const used = scenariosOf(rule.id);
    if (used.length > 0) lines.push('', `**Checked in:** ${used.join(', ')}.`);
  }
  return `${lines.join('\n')}\n`;
}
