// zod schema of `Duty` per Provisioning API 1.3.2.
import { z } from 'zod';
import { metaSchema, objectReferenceSchema, uuidSchema } from './common.js';
import { dutyRoleSchema } from './enums.js';

/** `Duty`. Required: id, person, dutyAt, dutyRole (one of the 17 `Code_DutyRole` values). */
export const dutySchema = z.object({
  id: uuidSchema,
  meta: metaSchema.optional(),
  person: objectReferenceSchema,
  dutyAt: objectReferenceSchema,
  dutyRole: dutyRoleSchema,
  provisioningStatus: z.boolean().optional(),
});
export type Duty = z.output<typeof dutySchema>;
