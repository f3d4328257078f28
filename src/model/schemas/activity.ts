// zod schema of `Activity` per Provisioning API 1.3.2.
import { z } from 'zod';
import { metaSchema, objectReferenceSchema, uuidSchema } from './common.js';
import { activityTypeSchema } from './enums.js';

/** `DutyAssignment`: in 1.3.2 `duty` is optional (the SS 12000 subset requires it). */
export const dutyAssignmentSchema = z.object({
  duty: objectReferenceSchema.optional(),
});
export type DutyAssignment = z.output<typeof dutyAssignmentSchema>;

/**
 * `Activity`. Required: id, displayName, activityType, groups (minItems 1), organisation, parentActivity.
 */
export const activitySchema = z.object({
  id: uuidSchema,
  meta: metaSchema.optional(),
  displayName: z.string(),
  activityType: activityTypeSchema,
  groups: z.array(objectReferenceSchema).min(1),
  teachers: z.array(dutyAssignmentSchema).optional(),
  organisation: objectReferenceSchema,
  parentActivity: objectReferenceSchema,
  provisioningStatus: z.boolean().optional(),
});
export type Activity = z.output<typeof activitySchema>;
