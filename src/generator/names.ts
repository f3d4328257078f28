// Swedish given and family names from faker's `sv` locale, drawn with the generator's own seeded stream.
import { sv } from '@faker-js/faker';
import type { SeededRandom } from './seeded-random.js';

export type Sex = 'female' | 'male';

export interface PersonName {
  givenName: string;
  familyName: string;
  /** A Swedish *mellannamn* (a family name kept before the last one), on a few people only. */
  middleName?: string;
}

function list(values: readonly string[] | undefined, what: string): readonly string[] {
  if (!values || values.length === 0) throw new TypeError(`faker's sv locale has no ${what}`);
  return values;
}

// Read once: faker's own pickers are ~10× slower than indexing these arrays, and 100,000 pupils need speed.
const FEMALE = list(sv.person?.first_name?.female, 'female first names');
const MALE = list(sv.person?.first_name?.male, 'male first names');
const FAMILY = list(sv.person?.last_name?.generic, 'last names');

/** Share of people with a double family name (faker's sv `last_name_pattern` weighs it 2 in 10). */
const DOUBLE_FAMILY_NAME = 0.2;
/** Share of people with a middle name. */
const MIDDLE_NAME = 0.05;

/**
 * Draws a Swedish name for a person of the given sex.
 * @example pickName(random, 'female') // { givenName: 'Astrid', familyName: 'Berglund' }
 */
export function pickName(random: SeededRandom, sex: Sex): PersonName {
  const givenName = random.pick(sex === 'female' ? FEMALE : MALE);
  let familyName = random.pick(FAMILY);
  if (random.chance(DOUBLE_FAMILY_NAME)) {
    const second = random.pick(FAMILY);
    if (second !== familyName) familyName = `${familyName} ${second}`;
  }
  if (random.chance(MIDDLE_NAME)) {
    const middleName = random.pick(FAMILY);
    if (!familyName.includes(middleName)) return { givenName, familyName, middleName };
  }
  return { givenName, familyName };
}
