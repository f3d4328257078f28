// The five SS 12000 subset resources the client pulls: names, paths, fetch order and their list/deletion keys.

/** `EndPointsEnum` of the subset spec: the names webhooks, /log and /statistics use. */
export type Ss12000ResourceType = 'Organisation' | 'Person' | 'Group' | 'Duty' | 'Activity';

/** Fetch order of a full sync and of a webhook's resources (dnp-facts §4.3–4.4). */
export const RESOURCE_ORDER: readonly Ss12000ResourceType[] = [
  'Organisation',
  'Person',
  'Group',
  'Duty',
  'Activity',
];

export type Ss12000ResourcePath = 'organisations' | 'persons' | 'groups' | 'duties' | 'activities';

/** The list path of each resource, relative to the vendor's base URL. */
export const RESOURCE_PATHS: Readonly<Record<Ss12000ResourceType, Ss12000ResourcePath>> = {
  Organisation: 'organisations',
  Person: 'persons',
  Group: 'groups',
  Duty: 'duties',
  Activity: 'activities',
};

export const RESOURCE_BY_PATH: Readonly<Record<Ss12000ResourcePath, Ss12000ResourceType>> = {
  organisations: 'Organisation',
  persons: 'Person',
  groups: 'Group',
  duties: 'Duty',
  activities: 'Activity',
};

/**
 * Where a list answer keeps its items: `Organisations` is `{ organisations: [...] }` in the subset spec
 * (and declares no `pageToken`); every other list is `{ data: [...], pageToken }`.
 */
export const LIST_ITEMS_KEY: Readonly<Record<Ss12000ResourceType, 'organisations' | 'data'>> = {
  Organisation: 'organisations',
  Person: 'data',
  Group: 'data',
  Duty: 'data',
  Activity: 'data',
};

/**
 * Keys of `DeletedEntities.data`. The spec spells activities `activitites`; the correct spelling is read
 * too, so a vendor that fixed the typo is not punished.
 */
export const DELETED_KEYS: Readonly<Record<Ss12000ResourceType, readonly string[]>> = {
  Organisation: ['organisations'],
  Person: ['persons'],
  Group: ['groups'],
  Duty: ['duties'],
  Activity: ['activitites', 'activities'],
};

export function isResourceType(value: unknown): value is Ss12000ResourceType {
  return typeof value === 'string' && (RESOURCE_ORDER as readonly string[]).includes(value);
}

export function isResourcePath(value: string): value is Ss12000ResourcePath {
  return value in RESOURCE_BY_PATH;
}

/** The given resources in fetch order, without duplicates. */
export function inFetchOrder(resources: Iterable<Ss12000ResourceType>): Ss12000ResourceType[] {
  const wanted = new Set(resources);
  return RESOURCE_ORDER.filter((r) => wanted.has(r));
}
