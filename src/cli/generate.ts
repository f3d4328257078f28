// `provtjanst-mock generate`: writes a deterministic huvudman dataset (provisioning bulk files or SS 12000).
import {
  createProgressReporter,
  DATASET_FORMATS,
  type DatasetFormat,
  DEFAULT_TODAY,
  DEFECT_DESCRIPTIONS,
  DEFECT_KINDS,
  DEFECTS,
  type DefectKind,
  GeneratorError,
  generateDataset,
  writeDataset,
} from '../generator/index.js';
import { createSeededCatalogue, loadCatalogueFile, type OpenDataCatalogue } from '../open-data/index.js';
import { helpPointer, parseCommandArgs } from './args.js';

const OPTIONS = {
  org: { type: 'string' },
  pupils: { type: 'string' },
  staff: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  today: { type: 'string' },
  'open-data': { type: 'string' },
  defects: { type: 'string' },
  defect: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

const DEFAULT_OUT = 'dataset';

function usage(): string {
  const ruleOf = (kind: DefectKind) => DEFECTS.find((d) => d.kind === kind)?.rule;
  const kinds = DEFECT_KINDS.map((kind) => {
    const rule = ruleOf(kind);
    return `  ${kind.padEnd(32)} ${rule ? `${rule.code} ${rule.severity.padEnd(7)} ` : ''}${DEFECT_DESCRIPTIONS[kind]}`;
  });
  return [
    'Usage: provtjanst-mock generate --org <organisationNumber> [options]',
    '',
    'Generates a realistic, deterministic dataset for one huvudman: pupils, staff, duties, groups and',
    'activities, valid against every rule of the mock, or with chosen defects. See docs/generator.md.',
    '',
    'Options:',
    '  --org <number>       Organisation number of a huvudman in the open-data catalogue (required)',
    '  --pupils <n>         Number of pupils (default 100)',
    '  --staff <n>          Number of staff (default: one per ten pupils, at least two per school unit)',
    '  --seed <text>        Seed; the same flags give byte-identical files (default 1)',
    `  --out <dir>          Output directory, created if missing (default ./${DEFAULT_OUT})`,
    '  --format <f>         provisioning (persons/duties/groups/activities.json) or ss12000 (dataset.json)',
    '                       (default provisioning); both also write summary.json',
    `  --today <date>       "Today", YYYY-MM-DD: school years, programme validity, meta (default ${DEFAULT_TODAY})`,
    '  --open-data <file>   Your own open-data catalogue (JSON) instead of the seeded one',
    '                       (default: env PROVTJANST_OPEN_DATA, else the seeded catalogue)',
    '  --defects <k>        Add k known-invalid items, listed in defects.json (default 0)',
    '  --defect <kind>      Kind of defect (repeatable; default: cycle through every kind possible)',
    '  -h, --help           Show this help',
    '',
    'Defect kinds (kind, rule code, severity, what is broken):',
    ...kinds,
  ].join('\n');
}

function fail(message: string): number {
  console.error(`provtjanst-mock generate: ${message}\n${helpPointer('generate')}`);
  return 2;
}

/** A whole number flag; undefined when absent. */
function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) {
    throw new GeneratorError(
      'invalid_option',
      `--${flag} must be a whole number, got ${JSON.stringify(value)}`,
      `--${flag}`,
    );
  }
  return Number(value);
}

function loadCatalogue(file: string | undefined): OpenDataCatalogue {
  if (!file) return createSeededCatalogue();
  try {
    return loadCatalogueFile(file);
  } catch (error) {
    throw new GeneratorError('invalid_option', `--open-data: ${(error as Error).message}`, '--open-data');
  }
}

function parseFlags(argv: string[]) {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  return {
    values: values as {
      [K in keyof typeof OPTIONS]?: K extends 'defect' ? string[] : K extends 'help' ? boolean : string;
    },
    positionals,
  };
}

/** Runs `generate`; returns 0 on success, 2 for bad flags, 1 when the files cannot be written. */
export async function runGenerateCommand(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (error) {
    // In words: "unknown option --pupil; did you mean --pupils?", "--org needs a value".
    return fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage());
    return 0;
  }
  if (positionals.length > 0) return fail(`unexpected argument ${JSON.stringify(positionals[0])}`);
  if (values.org === undefined) return fail('--org <organisationNumber> is required');
  const format = (values.format ?? 'provisioning') as DatasetFormat;
  if (!DATASET_FORMATS.includes(format)) {
    return fail(
      `--format must be one of ${DATASET_FORMATS.join(', ')}, got ${JSON.stringify(values.format)}`,
    );
  }
  const out = values.out ?? DEFAULT_OUT;
  let dataset: ReturnType<typeof generateDataset>;
  try {
    const pupils = wholeNumber(values.pupils, 'pupils');
    const staff = wholeNumber(values.staff, 'staff');
    const defects = wholeNumber(values.defects, 'defects');
    const catalogue = loadCatalogue(values['open-data'] ?? process.env.PROVTJANST_OPEN_DATA);
    const onProgress = createProgressReporter(process.stderr, pupils ?? 0);
    dataset = generateDataset({
      organisationNumber: values.org,
      catalogue,
      ...(pupils !== undefined ? { pupils } : {}),
      ...(staff !== undefined ? { staff } : {}),
      ...(values.seed !== undefined ? { seed: values.seed } : {}),
      ...(values.today !== undefined ? { today: values.today } : {}),
      ...(defects !== undefined ? { defects } : {}),
      ...(values.defect ? { defectKinds: values.defect as DefectKind[] } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
  } catch (error) {
    if (error instanceof GeneratorError) {
      const { option, message } = error;
      return fail(option && !message.includes(option) ? `${option}: ${message}` : message);
    }
    throw error;
  }
  let written: string[];
  try {
    written = await writeDataset(dataset, out, format);
  } catch (error) {
    console.error(`provtjanst-mock generate: cannot write to ${out}: ${(error as Error).message}`);
    return 1;
  }
  const { items, defects } = dataset.summary;
  console.log(
    `provtjanst-mock generate: ${dataset.organisation.displayName} (${dataset.organisation.organisationNumber}), ` +
      `${items.persons} persons, ${items.duties} duties, ${items.groups} groups, ${items.activities} activities` +
      `${defects.total > 0 ? `, ${defects.total} defects` : ''}\n${written.map((path) => `  wrote ${path}`).join('\n')}`,
  );
  return 0;
}
