// Reads the query parameters of the API (updateIfExists, showOnlyError, limit) the strict way the spec words them.

export type ParamResult<T> = { ok: true; value: T } | { ok: false; raw: string };

/**
 * `true`/`false` (any case); absent means `fallback`. Anything else, an empty value included, is refused:
 * the 2025 message says "Format ska vara boolean (true/false)".
 */
export function parseBooleanParam(raw: string | undefined, fallback: boolean): ParamResult<boolean> {
  if (raw === undefined) return { ok: true, value: fallback };
  const lower = raw.toLowerCase();
  if (lower === 'true') return { ok: true, value: true };
  if (lower === 'false') return { ok: true, value: false };
  return { ok: false, raw };
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 100;

/** `limit`: an integer 1–100, default 50 (spec parameter Limit). */
export function parseLimit(raw: string | undefined): ParamResult<number> {
  if (raw === undefined) return { ok: true, value: DEFAULT_LIMIT };
  if (!/^\+?\d{1,4}$/.test(raw.trim())) return { ok: false, raw };
  const value = Number(raw.trim());
  return value >= 1 && value <= MAX_LIMIT ? { ok: true, value } : { ok: false, raw };
}
