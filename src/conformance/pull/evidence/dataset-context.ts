// The model's RuleContext over the objects a scenario fetched and the open-data facts its evidence holds.
import {
  createMirrorRuleContext,
  Mirror,
  type MirrorItem,
  type Ss12000ResourceType,
} from '../../../mock-ss12000-client/index.js';
import { RULES, type RuleContext } from '../../../model/index.js';
import type { OpenDataCatalogue } from '../../../open-data/index.js';
import type { JsonObject, OpenDataFacts } from './pull-evidence.js';

/** Rules on data that check a reference: judged by PULL-DATA-002, left out of PULL-DATA-001. */
export const REFERENCE_RULE_NAMES: readonly string[] = RULES.map((r) => r.name).filter((name) =>
  /(not-found|\.unknown|other-organisation)$/.test(name),
);

/** Every object with a string id, by resource, as the mirror that the rules' context reads. */
export function mirrorOf(
  objects: ReadonlyMap<Ss12000ResourceType | 'DeletedEntities', readonly JsonObject[]>,
): Mirror {
  const mirror = new Mirror();
  for (const [resource, items] of objects) {
    if (resource === 'DeletedEntities') continue;
    for (const item of items)
      if (typeof item.id === 'string') mirror.put(resource, { ...item } as MirrorItem);
  }
  return mirror;
}

/**
 * Only the three lookups the mirror's rule context makes, answered from the evidence's snapshot, so the rules
 * stay pure functions of the evidence (the catalogue itself is never consulted again).
 */
function catalogueOf(facts: OpenDataFacts): OpenDataCatalogue {
  const view = {
    schoolUnitById(id: string) {
      const unit = facts.schoolUnits[id.toLowerCase()];
      return (
        unit && {
          parentOrganisation: { organisationNumber: unit.organisationNumber },
          schoolTypes: unit.schoolTypes.map((schoolType) => ({ schoolType })),
        }
      );
    },
    activityById(id: string) {
      return facts.examActivities[id.toLowerCase()];
    },
    isProgrammeValidOn(educationCode: string) {
      return facts.validEducationCodes.includes(educationCode);
    },
  };
  // The mirror's context calls nothing else of the catalogue; this partial view is all it needs.
  return view as unknown as OpenDataCatalogue;
}

export interface DatasetContextInput {
  mirror: Mirror;
  openData: OpenDataFacts;
  organisationNumber: string;
  today: Date;
  /** Model rule names to leave out. */
  disabledRules?: readonly string[];
}

/** A RuleContext in which references resolve against everything fetched, as after a complete sync. */
export function createDatasetRuleContext(input: DatasetContextInput): RuleContext {
  const base = createMirrorRuleContext({
    mirror: input.mirror,
    catalogue: catalogueOf(input.openData),
    organisationNumber: input.organisationNumber,
    today: input.today,
  });
  return { ...base, settings: { disabledRules: [...(input.disabledRules ?? [])] } };
}
