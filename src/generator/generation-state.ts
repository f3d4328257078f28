// The state one generation run shares between its steps: seeded streams, calendar, catalogue, issuers.
import type { OpenDataCatalogue } from '../open-data/index.js';
import { type CivicNumberIssuer, createCivicNumberIssuer } from './civic-numbers.js';
import {
  createEduIdIssuer,
  createEmailIssuer,
  createEppnIssuer,
  type EmailIssuer,
  type EppnIssuer,
} from './identifiers.js';
import type { SchoolCalendar } from './school-calendar.js';
import { createSeededRandom, type SeededRandom } from './seeded-random.js';

export interface GenerationState {
  catalogue: OpenDataCatalogue;
  calendar: SchoolCalendar;
  /** One stream per concept, so that changing how groups are drawn does not change who the pupils are. */
  random: {
    plan: SeededRandom;
    pupils: SeededRandom;
    staff: SeededRandom;
    groups: SeededRandom;
    defects: SeededRandom;
  };
  /** Object ids (persons, duties, groups, activities) in creation order. */
  ids: SeededRandom;
  civicNumbers: CivicNumberIssuer;
  eppns: EppnIssuer;
  emails: EmailIssuer;
  eduIds: { issue(): string };
}

export interface GenerationStateOptions {
  /** From {@link createRootRandom}. */
  root: SeededRandom;
  catalogue: OpenDataCatalogue;
  calendar: SchoolCalendar;
  /** The organisation's mail domain (EPPNs and staff e-mail). */
  domain: string;
}

/**
 * The root stream of a run. The seed is combined with the organisation and `today`, so two organisations
 * generated with the same seed do not get the same people.
 */
export function createRootRandom(seed: string, organisationNumber: string, today: string): SeededRandom {
  return createSeededRandom(`provtjanst-mock generate\u0000${seed}\u0000${organisationNumber}\u0000${today}`);
}

export function createGenerationState(options: GenerationStateOptions): GenerationState {
  const root = options.root;
  return {
    catalogue: options.catalogue,
    calendar: options.calendar,
    random: {
      plan: root.fork('plan'),
      pupils: root.fork('pupils'),
      staff: root.fork('staff'),
      groups: root.fork('groups'),
      defects: root.fork('defects'),
    },
    ids: root.fork('ids'),
    civicNumbers: createCivicNumberIssuer(root.fork('civic-numbers')),
    eppns: createEppnIssuer(root.fork('eppns'), options.domain),
    emails: createEmailIssuer(options.domain),
    eduIds: createEduIdIssuer(root.fork('eduid')),
  };
}
