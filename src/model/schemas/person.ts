// zod schema of `Person` (with CivicNo, Email, externalIdentifier and Enrolment) per Provisioning API 1.3.2.
import { z } from 'zod';
import { metaSchema, objectReferenceSchema, uuidSchema } from './common.js';
import { emailTypeSchema, schoolTypeSchema, securityMarkingSchema } from './enums.js';

/** `Enrolment`: `enroledAt` and `schoolType` required; `schoolYear` 1–10. */
export const enrolmentSchema = z.object({
  enroledAt: objectReferenceSchema,
  schoolYear: z.int().min(1).max(10).optional(),
  schoolType: schoolTypeSchema,
  cancelled: z.boolean().optional(),
  educationCode: z.string().optional(),
});
export type Enrolment = z.output<typeof enrolmentSchema>;

/** `civicNo`: only `value` is required; `nationality` defaults to `SE` (not filled in here). */
export const civicNoSchema = z.object({
  value: z.string(),
  nationality: z.string().optional(),
});
export type CivicNo = z.output<typeof civicNoSchema>;

/** `Email`: `value` (format email) required, `type` from Code_EmailType. */
export const emailSchema = z.object({
  value: z.email(),
  type: emailTypeSchema.optional(),
});
export type Email = z.output<typeof emailSchema>;

/** `externalIdentifier`: `context` and `value` required. */
export const externalIdentifierSchema = z.object({
  value: z.string(),
  context: z.string(),
  globallyUnique: z.boolean().optional(),
});
export type ExternalIdentifier = z.output<typeof externalIdentifierSchema>;

/**
 * `Person`. Required: id, civicNo, givenName, familyName, eduPersonPrincipalNames.
 * `eduPersonPrincipalNames` has `maxItems: 1` (and `uniqueItems`, implied by it);
 * `externalIdentifiers` has `maxItems: 1`. Unknown properties are dropped.
 */
export const personSchema = z.object({
  id: uuidSchema,
  meta: metaSchema.optional(),
  givenName: z.string(),
  middleName: z.string().optional(),
  familyName: z.string(),
  eduPersonPrincipalNames: z.array(z.string()).max(1),
  externalIdentifiers: z.array(externalIdentifierSchema).max(1).optional(),
  securityMarking: securityMarkingSchema.optional(),
  civicNo: civicNoSchema,
  emails: z.array(emailSchema).optional(),
  enrolments: z.array(enrolmentSchema).optional(),
  provisioningStatus: z.boolean().optional(),
});
export type Person = z.output<typeof personSchema>;
