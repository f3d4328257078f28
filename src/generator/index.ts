// Public surface of the test-data generator: generateDataset, writeDataset, validateDataset, formats and defects.
export { DEFECT_DESCRIPTIONS, DEFECT_KINDS, type DefectKind, isDefectKind } from './defect-kinds.js';
export { DEFECTS, type DefectSpec, defectSpec } from './defects.js';
export { type Dataset, type DefectRecord, generateDataset } from './generate-dataset.js';
export {
  DEFAULT_PUPILS,
  DEFAULT_SEED,
  type GenerateOptions,
  type GenerateProgress,
  type ResolvedGenerateOptions,
  resolveGenerateOptions,
} from './generate-options.js';
export { GeneratorError, type GeneratorErrorCode } from './generator-error.js';
export { createProgressReporter, PROGRESS_THRESHOLD, type ProgressStream } from './progress.js';
export { DEFAULT_TODAY } from './school-calendar.js';
export { type Ss12000Dataset, type Ss12000Organisation, toSs12000Dataset } from './ss12000-format.js';
export type { DatasetSummary, SchoolTypeSummary, SchoolUnitSummary } from './summary.js';
export {
  type DatasetValidation,
  type ItemProblem,
  type ValidateDatasetOptions,
  validateDataset,
} from './validate-dataset.js';
export { DATASET_FORMATS, type DatasetFormat, writeDataset } from './write-dataset.js';
