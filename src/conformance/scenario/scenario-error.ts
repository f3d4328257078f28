// The one error a bad scenario file raises: which file, which path inside it, which line.

export type ScenarioErrorCode = 'scenario_invalid' | 'scenario_not_found' | 'scenario_yaml';

export interface ScenarioProblem {
  /** Dotted path inside the document, e.g. `steps[2].change.removePupils`; empty for the whole file. */
  path: string;
  /** 1-based; 0 when the problem is not in a file (an unknown scenario id). */
  line: number;
  column: number;
  message: string;
}

/** Thrown by the loader; `message` names file, line, column and path, e.g. `scenarios/x.yaml:12:5 rules[0]: …`. */
export class ScenarioError extends Error {
  readonly code: ScenarioErrorCode;
  readonly file: string;
  readonly problems: readonly ScenarioProblem[];

  constructor(code: ScenarioErrorCode, file: string, problems: readonly ScenarioProblem[]) {
    super(
      problems.length === 0
        ? `${file}: invalid scenario`
        : problems
            .map((p) =>
              // Line 0: a problem with no place in a file (an unknown scenario id), said without a file:line.
              p.line > 0
                ? `${file}:${p.line}:${p.column}${p.path ? ` ${p.path}` : ''}: ${p.message}`
                : p.message,
            )
            .join('\n'),
    );
    this.name = 'ScenarioError';
    this.code = code;
    this.file = file;
    this.problems = problems;
  }

  /** The first problem (most files have one). */
  get line(): number {
    return this.problems[0]?.line ?? 1;
  }

  get path(): string {
    return this.problems[0]?.path ?? '';
  }
}

/** `steps[2].change.removePupils` from `['steps', 2, 'change', 'removePupils']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
