// The default catalogue: realistic, deterministic open data built from the seed (no randomness, no clock).
import type { OpenDataCatalogue } from './catalogue.js';
import type { OpenDataCatalogueInput } from './catalogue-input-schema.js';
import { createCatalogue } from './create-catalogue.js';
import { SEED_EXAM_ACTIVITIES } from './seed/seed-exam-activities.js';
import { schoolUnitInput } from './seed/seed-helpers.js';
import { PRIVATE_ORGANISERS } from './seed/seed-private-organisers.js';
import { SEED_PROGRAMMES } from './seed/seed-programmes.js';
import { PUBLIC_ORGANISERS } from './seed/seed-public-organisers.js';

const ORGANISERS = [...PRIVATE_ORGANISERS, ...PUBLIC_ORGANISERS];

/** The seed as catalogue input (the same format a user's file has, ids left to be derived). */
export function seededCatalogueInput(): OpenDataCatalogueInput {
  return structuredClone({
    organisations: ORGANISERS.map((o) => o.organisation),
    schoolUnits: ORGANISERS.flatMap((o) =>
      o.units.map((u) => schoolUnitInput(o.organisation.organisationNumber, u)),
    ),
    programmes: SEED_PROGRAMMES,
    activities: SEED_EXAM_ACTIVITIES,
  });
}

/**
 * Builds the seeded catalogue: 8 organisations (municipalities, companies, a foundation, state
 * authorities), 31 school units, Gy11's programmes and the national tests' exam activities.
 * Every call builds an equal catalogue.
 *
 * @example createSeededCatalogue().schoolUnitByCode('31279295')?.id // 'fb22448b-b724-5e53-8a2c-d8b339206901'
 */
export function createSeededCatalogue(): OpenDataCatalogue {
  return createCatalogue(seededCatalogueInput(), 'seeded catalogue');
}
