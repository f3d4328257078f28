// Options of generateDataset: what the caller gives, the defaults, and their validation (named after CLI flags).
import type { OpenDataCatalogue } from '../open-data/index.js';
import { DEFECT_KINDS, type DefectKind, isDefectKind } from './defect-kinds.js';
import { GeneratorError } from './generator-error.js';
import { DEFAULT_TODAY, parseIsoDate } from './school-calendar.js';

/** Progress of a run, reported while pupils are generated (the bulk of the work). */
export interface GenerateProgress {
  done: number;
  total: number;
}

export interface GenerateOptions {
  /** 10-digit organisation number of a huvudman in the catalogue (`556704-4268` is accepted too). */
  organisationNumber: string;
  /** Number of pupils (default 100). */
  pupils?: number;
  /** Number of staff members (default: one per ten pupils, at least a rektor and a teacher per school unit). */
  staff?: number;
  /** Any text or number; the same seed and options give the same dataset (default `1`). */
  seed?: string | number;
  /** "Today", `YYYY-MM-DD`: school years, programme validity, `meta` stamps (default {@link DEFAULT_TODAY}). */
  today?: string;
  /** Open data to draw school units, programmes and exam activities from (default: the seeded catalogue). */
  catalogue?: OpenDataCatalogue;
  /** Number of defect items to add (default: one per kind in `defectKinds`, else 0). */
  defects?: number;
  /** Kinds to cycle through (default: every kind the organisation can host). */
  defectKinds?: readonly DefectKind[];
  onProgress?(progress: GenerateProgress): void;
}

/** The options a dataset was generated from, resolved: enough to generate it again (with the same catalogue). */
export interface ResolvedGenerateOptions {
  organisationNumber: string;
  pupils: number;
  /** Undefined: the default, which depends on the organisation's school units. */
  staff?: number;
  seed: string;
  today: string;
  defects: number;
  /** Empty: every kind the organisation can host, in {@link DEFECT_KINDS} order. */
  defectKinds: readonly DefectKind[];
}

export const DEFAULT_PUPILS = 100;
export const DEFAULT_SEED = '1';
/** Pupils per staff member when `staff` is not given (Swedish schools: about 12 pupils per teacher). */
export const PUPILS_PER_STAFF = 10;
/** A sanity bound: the generator keeps everything in memory. */
export const MAX_PUPILS = 2_000_000;

function count(value: number | undefined, fallback: number | undefined, option: string, max = MAX_PUPILS) {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new GeneratorError(
      'invalid_option',
      `${option} must be a whole number from 0 to ${max}, got ${value}`,
      option,
    );
  }
  return value;
}

/**
 * Validates and completes the options.
 * @throws GeneratorError `invalid_option`, naming the CLI flag (`--pupils`, `--today`, …).
 */
export function resolveGenerateOptions(options: GenerateOptions): ResolvedGenerateOptions {
  const organisationNumber = String(options.organisationNumber ?? '').replace(/^(\d{6})-(\d{4})$/, '$1$2');
  if (!/^\d{10}$/.test(organisationNumber)) {
    throw new GeneratorError(
      'invalid_option',
      `--org must be a 10-digit organisation number, got ${JSON.stringify(options.organisationNumber)}`,
      '--org',
    );
  }
  const seed = String(options.seed ?? DEFAULT_SEED);
  if (seed.length === 0) throw new GeneratorError('invalid_option', '--seed must not be empty', '--seed');
  const today = options.today ?? DEFAULT_TODAY;
  if (!parseIsoDate(today)) {
    throw new GeneratorError(
      'invalid_option',
      `--today must be a real date YYYY-MM-DD, got ${JSON.stringify(today)}`,
      '--today',
    );
  }
  const defectKinds = [...(options.defectKinds ?? [])];
  for (const kind of defectKinds) {
    if (!isDefectKind(kind)) {
      throw new GeneratorError(
        'invalid_option',
        `--defect ${JSON.stringify(kind)} is not a defect kind; kinds: ${DEFECT_KINDS.join(', ')}`,
        '--defect',
      );
    }
  }
  const pupils = count(options.pupils, DEFAULT_PUPILS, '--pupils') as number;
  const staff = count(options.staff, undefined, '--staff');
  const defects = count(options.defects, defectKinds.length, '--defects', 100_000) as number;
  return {
    organisationNumber,
    pupils,
    ...(staff !== undefined ? { staff } : {}),
    seed,
    today,
    defects,
    defectKinds,
  };
}
