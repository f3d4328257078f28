// Building blocks shared by the four resource schemas: UUIDs, references and the read-only Meta.
import { z } from 'zod';

/**
 * `format: uuid`. Skolverket's messages say "UUID enligt RFC4122"; the check is the textual 8-4-4-4-12
 * hex form without version/variant bits, as Java's `UUID.fromString` (and Skolverket's own examples)
 * accept. Interpretation, see docs/data-rules.md.
 */
export const uuidSchema = z.guid();

/** `ObjectReference` (and its aliases PersonReference, SchoolUnitReference, …): `{ id: uuid }`. */
export const objectReferenceSchema = z.object({ id: uuidSchema });
export type ObjectReference = z.output<typeof objectReferenceSchema>;

/** RFC 3339 date-time with an offset, as in `"2021-05-12T10:30:00.123+02:00"`. */
export const dateTimeSchema = z.iso.datetime({ offset: true });

/** `Meta` is readOnly: a client need not send it, but what it sends must still have the right form. */
export const metaSchema = z.object({
  created: dateTimeSchema.optional(),
  modified: dateTimeSchema.optional(),
});
export type Meta = z.output<typeof metaSchema>;
