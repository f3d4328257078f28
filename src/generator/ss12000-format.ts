// The `ss12000` format: dataset.json with organisations and every object's `meta`, shaped as the SS 12000 subset spec.
import type { Activity, Duty, Group, Person } from '../model/index.js';
import type { Dataset } from './generate-dataset.js';
import { createRootRandom } from './generation-state.js';
import { createSchoolCalendar, type MetaStamps, pickMetaStamps } from './school-calendar.js';

/** `Organisation` of the subset spec: a school unit (the subset requires `schoolUnitCode`). */
export interface Ss12000Organisation {
  id: string;
  meta: MetaStamps;
  displayName: string;
  schoolUnitCode: string;
}

type WithMeta<T> = T & { meta: MetaStamps };

/** What the reference SS 12000 API (examples/ss12000-api) seeds from: one file, `dataset.json`. */
export interface Ss12000Dataset {
  organisations: Ss12000Organisation[];
  persons: WithMeta<Person>[];
  groups: WithMeta<Group>[];
  duties: WithMeta<Duty>[];
  activities: WithMeta<Activity>[];
}

/** Puts `meta` right after `id`, keeping every other property in its order. */
function withMeta<T extends { id: string }>(item: T, meta: MetaStamps): WithMeta<T> {
  const { id, ...rest } = item;
  return { id, meta, ...rest } as WithMeta<T>;
}

/**
 * Converts a dataset to the SS 12000 shape. `meta` stamps are drawn from the dataset's seed (never the wall
 * clock): created within the year before `today`, modified between created and `today`.
 * Organisations are the organisation's school units in open data; the huvudman itself is not listed, since the
 * subset's Organisation requires a `schoolUnitCode` (its id and number are in summary.json).
 */
export function toSs12000Dataset(dataset: Dataset): Ss12000Dataset {
  const { seed, organisationNumber, today } = dataset.options;
  const random = createRootRandom(seed, organisationNumber, today).fork('meta');
  const calendar = createSchoolCalendar(today);
  const stamp = <T extends { id: string }>(item: T) => withMeta(item, pickMetaStamps(random, calendar));
  return {
    organisations: dataset.schoolUnits.map((unit) => ({
      id: unit.id,
      meta: pickMetaStamps(random, calendar),
      displayName: unit.displayName,
      schoolUnitCode: unit.schoolUnitCode,
    })),
    persons: dataset.persons.map(stamp),
    groups: dataset.groups.map(stamp),
    duties: dataset.duties.map(stamp),
    activities: dataset.activities.map(stamp),
  };
}
