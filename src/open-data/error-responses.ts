// The open-data API's error answers, as the spec's `Error` schema: `{code, message, timeStamp}`.
import type { Context } from 'hono';
import { formatTimeStamp } from './time-stamp.js';

/** Anything with `now()` in epoch milliseconds (the mock's Clock satisfies it). */
export interface OpenDataClock {
  now(): number;
}

/** `Error` (open-data-api-1.0.0.yaml, components.schemas.Error). */
export interface OpenDataErrorBody {
  code: number;
  message: string;
  timeStamp: string;
}

/** The messages of the spec's response examples (components.responses). */
export const NOT_FOUND_MESSAGES = {
  organisation: 'Organisation not found',
  schoolUnit: 'School unit not found',
  programme: 'Programme not found',
  activity: 'Activity not found',
} as const;

const SYSTEM_CLOCK: OpenDataClock = { now: () => Date.now() };

export function errorBody(
  code: number,
  message: string,
  clock: OpenDataClock = SYSTEM_CLOCK,
): OpenDataErrorBody {
  return { code, message, timeStamp: formatTimeStamp(clock.now()) };
}

/** 400 for a path parameter that is not what the spec's `format` says (the spec's `400_invalid_id`). */
export function invalidParameter(c: Context, name: string, clock?: OpenDataClock): Response {
  return c.json(errorBody(400, `Invalid parameter: ${name}`, clock), 400);
}

/**
 * The 404 for a path under `/provtjanst/open-data/v1` that no operation serves. The spec declares none for
 * that case; its `default_error` is the `Error` schema, so the mock answers in that shape.
 *
 * @example app.notFound((c) => (c.req.path.startsWith('/provtjanst/open-data/v1') ? openDataNotFound(c, clock) : …))
 */
export function openDataNotFound(c: Context, clock?: OpenDataClock): Response {
  return c.json(errorBody(404, 'Not found', clock), 404);
}
