// The CLI's argument parsing: node:util parseArgs with plain-words errors ("did you mean …?"), and number flags.
import { parseArgs } from 'node:util';

/** One option as parseArgs takes it. */
export interface OptionDefinition {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  default?: string | boolean | string[] | boolean[];
}

export type OptionDefinitions = Record<string, OptionDefinition>;

/** A bad command line: the message says what is wrong in words; the CLI prints it with a --help pointer, exit 2. */
export class CliUsageError extends Error {
  readonly code = 'usage';
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/** Edit distance between two short strings (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The known name closest to `name` (a typo, a prefix, or a word of it), or undefined when none is close. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of known) {
    const score = candidate.startsWith(name) || name.startsWith(candidate) ? 0.5 : distance(name, candidate);
    if (score <= (name.length <= 3 ? 1 : 2) && (!best || score < best.score)) best = { candidate, score };
  }
  return best?.candidate;
}

const NEGATIVE_NUMBER = /^-\d/;

/**
 * Joins `--flag -5` into `--flag=-5` for string flags, so a negative number reaches the flag's own check
 * ("must be a whole number") instead of parseArgs's "argument is ambiguous".
 */
function joinNegativeValues(argv: readonly string[], options: OptionDefinitions): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Throws CliUsageError for the first option the command does not know, suggesting the nearest one. */
function rejectUnknownOptions(argv: readonly string[], options: OptionDefinitions, allowNegative: boolean) {
  const names = Object.keys(options);
  const shorts = new Map(
    Object.entries(options).flatMap(([name, o]) => (o.short ? [[o.short, name] as const] : [])),
  );
  for (const arg of argv) {
    if (arg === '--') return;
    if (arg.startsWith('--') && arg.length > 2) {
      const name = arg.slice(2).split('=')[0] as string;
      if (options[name]) continue;
      if (allowNegative && name.startsWith('no-') && options[name.slice(3)]?.type === 'boolean') continue;
      const near = closestName(name, names);
      throw new CliUsageError(`unknown option --${name}${near ? `; did you mean --${near}?` : ''}`);
    }
    if (arg.startsWith('-') && !arg.startsWith('--') && arg.length > 1 && !NEGATIVE_NUMBER.test(arg)) {
      for (const letter of arg.slice(1)) {
        if (!shorts.has(letter)) throw new CliUsageError(`unknown option -${letter}`);
      }
    }
  }
}

/** parseArgs's remaining complaints (a missing value, a value on a switch), in words. */
function explainParseError(error: unknown, argv: readonly string[]): CliUsageError {
  const message = (error as Error).message;
  const flag = /'(-{1,2}[\w-]+)/.exec(message)?.[1];
  const code = (error as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
    return message.includes('does not take an argument')
      ? new CliUsageError(`${flag} is a switch and takes no value`)
      : new CliUsageError(`${flag} needs a value`);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const positional = argv.find((arg) => !arg.startsWith('-'));
    return new CliUsageError(`unexpected argument ${JSON.stringify(positional ?? '')}`);
  }
  return new CliUsageError(message.split('\n')[0] ?? message);
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/**
 * Parses a command's arguments strictly, with positionals allowed.
 * @throws CliUsageError in words: unknown option (with the nearest known one), missing value, value on a switch.
 */
export function parseCommandArgs(
  argv: readonly string[],
  options: OptionDefinitions,
  settings: { allowNegative?: boolean } = {},
): ParsedArgs {
  const allowNegative = settings.allowNegative ?? false;
  const args = joinNegativeValues(argv, options);
  rejectUnknownOptions(args, options, allowNegative);
  try {
    const { values, positionals } = parseArgs({
      args,
      options,
      strict: true,
      allowPositionals: true,
      allowNegative,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    throw explainParseError(error, args);
  }
}

/**
 * A flag that must be a whole number (0 or more); undefined when absent.
 * @throws CliUsageError `--pupils must be a whole number, got "-5"`.
 */
export function wholeNumberFlag(
  flag: string,
  raw: unknown,
  options: { min?: number } = {},
): number | undefined {
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  if (!/^\d+$/.test(text))
    throw new CliUsageError(`--${flag} must be a whole number, got ${JSON.stringify(raw)}`);
  const value = Number(text);
  if (options.min !== undefined && value < options.min)
    throw new CliUsageError(`--${flag} must be at least ${options.min}, got ${JSON.stringify(raw)}`);
  return value;
}

/**
 * A flag that must be a positive number of seconds (fractions allowed); undefined when absent.
 * @throws CliUsageError `--timeout must be a positive number of seconds, got "abc"`.
 */
export function secondsFlag(flag: string, raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value) || value <= 0)
    throw new CliUsageError(`--${flag} must be a positive number of seconds, got ${JSON.stringify(raw)}`);
  return value;
}

/** The line every usage error ends with. */
export function helpPointer(command: string): string {
  return `Run \`provtjanst-mock ${command} --help\` for the options.`;
}

/** Prints a usage error as `provtjanst-mock <command>: <message>` plus the --help pointer; returns exit code 2. */
export function printUsageError(command: string, error: Error): 2 {
  console.error(`provtjanst-mock ${command}: ${error.message}\n${helpPointer(command)}`);
  return 2;
}

/** The option definitions of a settings table (one flag per setting) plus a command's own options. */
export function settingOptions(
  specs: Record<string, { flag: string; kind: 'string' | 'boolean' }>,
  extra: OptionDefinitions = {},
): OptionDefinitions {
  const options: OptionDefinitions = { ...extra };
  for (const spec of Object.values(specs)) options[spec.flag] = { type: spec.kind };
  return options;
}
