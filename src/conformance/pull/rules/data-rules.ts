// DATA rules: every fetched object passes the model's rules on data, and every reference in it resolves.
import { z } from 'zod';
import { judgeItem, RESOURCE_ORDER, type Ss12000ResourceType } from '../../../mock-ss12000-client/index.js';
import type { Finding as ModelFinding } from '../../../model/index.js';
import type { RequestRef } from '../../result/request-ref.js';
import type { Finding } from '../../rule/rule.js';
import { createDatasetRuleContext, mirrorOf, REFERENCE_RULE_NAMES } from '../evidence/dataset-context.js';
import type { JsonObject, PullEvidence } from '../evidence/pull-evidence.js';
import { fetchedObjects, idOf, listSome } from '../evidence/pull-views.js';
import { definePullRule, type PullRule } from './pull-rule.js';
import { PULL_SOURCES } from './pull-sources.js';

/** Findings per rule are cut to this many objects, then summed up in one more finding. */
const MAX_OBJECT_FINDINGS = 50;

const maxObjects = z
  .number()
  .int()
  .min(1)
  .default(MAX_OBJECT_FINDINGS)
  .describe('Objects named one by one before the rest are summed up.');

function pageRefOf(
  evidence: PullEvidence,
  resource: Ss12000ResourceType,
  id: string | undefined,
): RequestRef[] {
  if (!id) return [];
  for (const walk of evidence.fetches) {
    if (walk.resource !== resource) continue;
    const page = walk.pages.find((p) => p.ids.includes(id));
    if (page?.exchange.ref) return [page.exchange.ref];
  }
  return [];
}

function describeObject(resource: Ss12000ResourceType, object: unknown): string {
  const id = idOf(object) ?? '(no id)';
  const record = (typeof object === 'object' && object !== null ? object : {}) as JsonObject;
  const name =
    typeof record.displayName === 'string'
      ? record.displayName
      : [record.givenName, record.familyName].filter((v) => typeof v === 'string').join(' ');
  return `${resource} ${id}${name ? ` (${name})` : ''}`;
}

function describeModelFinding(f: ModelFinding): string {
  const value = f.attributeValue !== undefined ? ` = ${JSON.stringify(f.attributeValue).slice(0, 60)}` : '';
  return `${f.code} ${f.rule} at ${f.attributeName}${value}`;
}

type Judge = (resource: Ss12000ResourceType, object: JsonObject) => ModelFinding[];

function judgeAll(evidence: PullEvidence, judge: Judge, max: number): Finding[] {
  const objects = fetchedObjects(evidence);
  const findings: Finding[] = [];
  let more = 0;
  for (const resource of RESOURCE_ORDER) {
    for (const object of objects.get(resource) ?? []) {
      const problems = judge(resource, object);
      if (problems.length === 0) continue;
      if (findings.length >= max) {
        more += 1;
        continue;
      }
      findings.push({
        message: `${describeObject(resource, object)}: ${listSome(problems.map(describeModelFinding), 4)}.`,
        requests: pageRefOf(evidence, resource, idOf(object)),
      });
    }
  }
  if (more > 0) findings.push({ message: `…and ${more} more object(s) with the same kind of problems.` });
  return findings;
}

function contextFor(evidence: PullEvidence, disabledRules: readonly string[]) {
  return createDatasetRuleContext({
    mirror: mirrorOf(fetchedObjects(evidence)),
    openData: evidence.openData,
    organisationNumber: evidence.organisationNumber,
    today: new Date(evidence.today),
    disabledRules,
  });
}

export const DATA_PASSES_RULES = definePullRule({
  id: 'PULL-DATA-001',
  family: 'DATA',
  title: 'Every object passes the DNP rules on data',
  severity: 'blocker',
  why:
    "The SS12000 client validates every object it fetches with the provtjänst's rules (docs/data-rules.md) " +
    'and drops those that fail, reporting them with POST /log. A pupil with a malformed civic number or a ' +
    'teacher without e-mail does not reach the test platform.',
  sources: [PULL_SOURCES.attributes, PULL_SOURCES.ss12000Client],
  fix: 'Correct the objects named (the rule code and attribute say what is wrong), or leave out of the API what Skolverket must not get.',
  params: z.object({ maxObjects }),
  skipUnless: (e) => {
    const objects = fetchedObjects(e);
    if (objects.size === 0) return 'no list was fetched to its end';
    return [...objects.values()].some((items) => items.length > 0)
      ? undefined
      : 'every list fetched was empty: there was no object to judge';
  },
  check(evidence, params) {
    const ctx = contextFor(evidence, REFERENCE_RULE_NAMES);
    return judgeAll(
      evidence,
      (resource, object) => judgeItem(resource, object, ctx).findings.filter((f) => f.severity === 'Error'),
      params.maxObjects,
    );
  },
});

const NEEDED: readonly Ss12000ResourceType[] = ['Person', 'Group', 'Duty', 'Activity'];

export const DATA_REFERENCES_RESOLVE = definePullRule({
  id: 'PULL-DATA-002',
  family: 'DATA',
  title: 'References resolve',
  severity: 'blocker',
  why:
    'Objects name each other: a duty its person, a group its members, an activity its groups, teachers and ' +
    "exam activity (parentActivity), enrolments and placements Skolverket's school units of the huvudman. A " +
    'reference to nothing leaves a pupil outside the test group or an activity without its test.',
  sources: [PULL_SOURCES.attributes, PULL_SOURCES.checklistPull],
  fix:
    "Serve every object that another one names, use Skolverket's UUIDs for school units and exam activities " +
    '(open-data API), and only school units of your own organisation.',
  params: z.object({ maxObjects }),
  skipUnless: (e) => {
    const objects = fetchedObjects(e);
    const missing = NEEDED.filter((r) => !objects.has(r));
    if (missing.length > 0) return `references need every list fetched to its end; not ${missing.join(', ')}`;
    return [...objects.values()].some((items) => items.length > 0)
      ? undefined
      : 'every list fetched was empty: there was no reference to judge';
  },
  check(evidence, params) {
    const ctx = contextFor(evidence, []);
    const references = new Set(REFERENCE_RULE_NAMES);
    return judgeAll(
      evidence,
      (resource, object) => judgeItem(resource, object, ctx).findings.filter((f) => references.has(f.rule)),
      params.maxObjects,
    );
  },
});

export const PULL_DATA_RULES: readonly PullRule[] = [DATA_PASSES_RULES, DATA_REFERENCES_RESOLVE];
