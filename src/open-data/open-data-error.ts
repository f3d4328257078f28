// The coded error for bad catalogue data: names the source and the JSON path of every bad field.

export type OpenDataErrorCode = 'invalid_open_data' | 'unreadable_open_data';

export interface OpenDataIssue {
  /** JSON path in the catalogue, e.g. `schoolUnits[3].schoolUnitCode`. */
  path: string;
  message: string;
}

/** Thrown when catalogue data cannot be read or does not satisfy the catalogue format (docs/open-data.md). */
export class OpenDataError extends Error {
  constructor(
    readonly code: OpenDataErrorCode,
    /** The file name, or a description of in-memory data. */
    readonly source: string,
    readonly issues: readonly OpenDataIssue[],
    detail?: string,
  ) {
    const listed = issues.map((i) => `${i.path}: ${i.message}`);
    const shown = listed.length > 20 ? [...listed.slice(0, 20), `… and ${listed.length - 20} more`] : listed;
    super(
      `${code === 'unreadable_open_data' ? 'Cannot read' : 'Invalid'} open-data catalogue ${source}${
        detail ? `: ${detail}` : ''
      }${shown.length > 0 ? `:\n  ${shown.join('\n  ')}` : ''}`,
    );
    this.name = 'OpenDataError';
  }
}

/** `['schoolUnits', 3, 'schoolUnitCode']` → `schoolUnits[3].schoolUnitCode`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(root)' : out;
}
