// Name-based UUIDs (RFC 4122 §4.3, version 5, SHA-1): Skolverket's ids are UUID v5 of a natural key in the nil namespace.
import { createHash } from 'node:crypto';

/** The nil UUID (RFC 4122 §4.1.7): the namespace Skolverket uses for every open-data id. */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for the textual form `8-4-4-4-12` hex digits (any version, either case). */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/**
 * UUID v5 of `name` (UTF-8) in `namespace`.
 *
 * @example uuidV5('5567044268') // '657ae6a4-2978-5fbe-b357-ba353c0f03b5' (open-data spec, Organisation.id)
 */
export function uuidV5(name: string, namespace: string = NIL_UUID): string {
  if (!isUuid(namespace)) throw new TypeError(`namespace must be a UUID, got ${JSON.stringify(namespace)}`);
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  // RFC 4122 §4.3 step 8–10: version 5 in the high nibble of byte 6, variant 10xx in byte 8.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
