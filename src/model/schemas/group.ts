// zod schema of `Group` (GroupFragment + groupMemberships) per Provisioning API 1.3.2.
import { z } from 'zod';
import { metaSchema, objectReferenceSchema, uuidSchema } from './common.js';
import { groupTypeSchema, schoolTypeSchema } from './enums.js';

/** `GroupMembership`: in 1.3.2 even `person` is optional. */
export const groupMembershipSchema = z.object({
  person: objectReferenceSchema.optional(),
});
export type GroupMembership = z.output<typeof groupMembershipSchema>;

/** `Group`. Required: id, displayName, groupType, schoolType, organisation. */
export const groupSchema = z.object({
  id: uuidSchema,
  meta: metaSchema.optional(),
  displayName: z.string(),
  groupType: groupTypeSchema,
  schoolType: schoolTypeSchema,
  organisation: objectReferenceSchema,
  groupMemberships: z.array(groupMembershipSchema).optional(),
  provisioningStatus: z.boolean().optional(),
});
export type Group = z.output<typeof groupSchema>;
