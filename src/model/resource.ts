// The four provisioning resources: their path names, LogEntry resourceType and schemas.
import type { z } from 'zod';
import { type Activity, activitySchema } from './schemas/activity.js';
import { type Duty, dutySchema } from './schemas/duty.js';
import type { ObjectType } from './schemas/enums.js';
import { type Group, groupSchema } from './schemas/group.js';
import { type Person, personSchema } from './schemas/person.js';

/** A resource as named in the Provisioning API's paths (`/persons/bulk`, …). */
export type ResourceName = 'persons' | 'duties' | 'groups' | 'activities';

export const RESOURCE_NAMES: readonly ResourceName[] = ['persons', 'duties', 'groups', 'activities'];

/** The parsed item type of each resource. */
export interface ResourceItems {
  persons: Person;
  duties: Duty;
  groups: Group;
  activities: Activity;
}

/** The `resourceType` (`Code_ObjectType`) a LogEntry carries for each resource. */
export const RESOURCE_TYPES: Readonly<Record<ResourceName, ObjectType>> = {
  persons: 'Person',
  duties: 'Duty',
  groups: 'Group',
  activities: 'Activity',
};

/** The zod schema of each resource. */
export const RESOURCE_SCHEMAS: { readonly [R in ResourceName]: z.ZodType<ResourceItems[R]> } = {
  persons: personSchema,
  duties: dutySchema,
  groups: groupSchema,
  activities: activitySchema,
};
