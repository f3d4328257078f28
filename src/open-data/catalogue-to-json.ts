// Dumps a catalogue in the file format loadCatalogueFile reads, so users can start from the seeded one.
import type { OpenDataCatalogue } from './catalogue.js';
import type { ExamActivity, Organisation, Programme, SchoolUnit } from './open-data-types.js';

/** The catalogue file format with every field filled in (ids included); see docs/open-data.md. */
export interface OpenDataCatalogueJson {
  organisations: Organisation[];
  schoolUnits: SchoolUnit[];
  programmes: Programme[];
  activities: ExamActivity[];
}

/**
 * A plain, JSON-serialisable copy of the catalogue; `loadCatalogueFile` reads it back to an equal catalogue.
 *
 * @example writeFileSync('open-data.json', `${JSON.stringify(catalogueToJson(createSeededCatalogue()), null, 2)}\n`);
 */
export function catalogueToJson(catalogue: OpenDataCatalogue): OpenDataCatalogueJson {
  return structuredClone({
    organisations: [...catalogue.organisations],
    schoolUnits: [...catalogue.schoolUnits],
    programmes: [...catalogue.programmes],
    activities: [...catalogue.activities],
  });
}
