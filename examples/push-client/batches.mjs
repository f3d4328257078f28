// Splits an array into request bodies `{"data":[…]}` that each stay within the payload limit in bytes.

/** The body is exactly `{"data":[` + items joined by `,` + `]}`: JSON.stringify writes no whitespace. */
const ENVELOPE_BYTES = Buffer.byteLength('{"data":[]}');

/** One item alone is larger than the limit: it can never be sent, so the client stops with this error. */
export class ItemTooLargeError extends Error {
  /**
   * @param {string} id
   * @param {number} bytes
   * @param {number} limit
   */
  constructor(id, bytes, limit) {
    super(`item ${id} needs ${bytes} bytes in a request body, over the payload limit of ${limit} bytes`);
    this.name = 'ItemTooLargeError';
    this.code = 'ITEM_TOO_LARGE';
    this.itemId = id;
    this.bytes = bytes;
    this.limit = limit;
  }
}

/** The serialised request body for a batch, byte for byte what `splitIntoBatches` measured. */
export function bodyOf(/** @type {unknown[]} */ batch) {
  return JSON.stringify({ data: batch });
}

/**
 * Greedy split keeping order: each batch's body `{"data":[…]}` is at most `limit` bytes (UTF-8).
 * Skolverket answers 413 [5020] above 200 KB per call (since 2026-01-19).
 *
 * @example splitIntoBatches(persons, 204_800) // [[p1, …, p380], [p381, …]]
 * @template T
 * @param {T[]} items
 * @param {number} limit bytes
 * @returns {T[][]}
 * @throws {ItemTooLargeError} when one item alone does not fit
 */
export function splitIntoBatches(items, limit) {
  /** @type {T[][]} */
  const batches = [];
  /** @type {T[]} */
  let current = [];
  let size = ENVELOPE_BYTES;
  for (const item of items) {
    const bytes = Buffer.byteLength(JSON.stringify(item));
    if (ENVELOPE_BYTES + bytes > limit) {
      const id = /** @type {{ id?: unknown }} */ (item)?.id;
      throw new ItemTooLargeError(
        typeof id === 'string' ? id : JSON.stringify(item).slice(0, 40),
        ENVELOPE_BYTES + bytes,
        limit,
      );
    }
    const separator = current.length > 0 ? 1 : 0;
    if (size + separator + bytes > limit) {
      batches.push(current);
      current = [];
      size = ENVELOPE_BYTES;
    }
    size += (current.length > 0 ? 1 : 0) + bytes;
    current.push(item);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
