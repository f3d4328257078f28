// The generator's coded errors: bad options (named after the option/flag) and data the catalogue cannot support.

export type GeneratorErrorCode =
  | 'invalid_option'
  | 'unknown_organisation'
  | 'no_school_units'
  | 'defect_not_possible';

/** A problem with what the caller asked for; the CLI prints it and exits with code 2. */
export class GeneratorError extends Error {
  constructor(
    readonly code: GeneratorErrorCode,
    message: string,
    /** The option at fault, in CLI spelling (`--pupils`), when there is one. */
    readonly option?: string,
  ) {
    super(message);
    this.name = 'GeneratorError';
  }
}
