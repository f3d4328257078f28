// Where Skolverket's own reference SS 12000 API departs from the subset spec (dnp-facts §6): spellings that its
// SS12000 client must tolerate, so the runner notes them as advisories and validates the rest as the spec says.
import type { ExchangeRecord } from '../evidence/pull-evidence.js';

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `GET /organisations` answered `{"data": [...]}` (the reference's spelling) instead of `{"organisations": [...]}`. */
export function organisationsAsData(
  exchange: Pick<ExchangeRecord, 'method' | 'operation' | 'status' | 'body'>,
): boolean {
  const body = record(exchange.body);
  return (
    exchange.method === 'GET' &&
    exchange.operation === '/organisations' &&
    exchange.status === 200 &&
    body !== undefined &&
    Array.isArray(body.data) &&
    !Array.isArray(body.organisations)
  );
}

/** An error answered `{"error": {...}}` (the reference's body) instead of the spec's `Error` (`{code, message}`). */
export function referenceErrorBody(exchange: Pick<ExchangeRecord, 'status' | 'body'>): boolean {
  const body = record(exchange.body);
  return (
    (exchange.status ?? 0) >= 400 &&
    body !== undefined &&
    record(body.error) !== undefined &&
    (typeof body.code !== 'string' || typeof body.message !== 'string')
  );
}

/**
 * The body to validate against the subset spec: the reference's `{data}` for organisations read as the spec's
 * `{organisations}` (its items are still validated), and undefined for a reference error body (noted, not
 * validated). Any other body as it came.
 */
export function bodyForValidation(exchange: ExchangeRecord): { validate: boolean; body: unknown } {
  if (referenceErrorBody(exchange)) return { validate: false, body: exchange.body };
  if (organisationsAsData(exchange)) {
    const { data, ...rest } = record(exchange.body) as Record<string, unknown>;
    return { validate: true, body: { ...rest, organisations: data } };
  }
  return { validate: true, body: exchange.body };
}
