// Public surface of the open-data capability: the sub-app, the catalogue and its file format, UUID v5.
export { createOpenDataApp, type OpenDataAppOptions } from './app.js';
export type { ExamActivityFilter, Instant, OpenDataCatalogue } from './catalogue.js';
export type {
  ActivityInput,
  OpenDataCatalogueInput,
  OrganisationInput,
  ProgrammeInput,
  SchoolUnitInput,
} from './catalogue-input-schema.js';
export { catalogueToJson, type OpenDataCatalogueJson } from './catalogue-to-json.js';
export { createOpenDataControlApp, type OpenDataControlAppOptions } from './control-app.js';
export { createCatalogue } from './create-catalogue.js';
export {
  errorBody,
  NOT_FOUND_MESSAGES,
  type OpenDataClock,
  type OpenDataErrorBody,
  openDataNotFound,
} from './error-responses.js';
export { loadCatalogueFile } from './load-catalogue-file.js';
export { OpenDataError, type OpenDataErrorCode, type OpenDataIssue } from './open-data-error.js';
export * from './open-data-types.js';
export { createSeededCatalogue, seededCatalogueInput } from './seeded-catalogue.js';
export { SwitchableCatalogue } from './switchable-catalogue.js';
export { formatTimeStamp } from './time-stamp.js';
export { isUuid, NIL_UUID, uuidV5 } from './uuid-v5.js';
