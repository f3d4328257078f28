// What pupils and staff have in common: sex, name, civic number, EPPN and security marking.
import type { CivicNumberKind, Person, SecurityMarking } from '../model/index.js';
import { pickCivicNumberKind } from './civic-numbers.js';
import type { GenerationState } from './generation-state.js';
import { type PersonName, pickName, type Sex } from './names.js';
import type { SeededRandom } from './seeded-random.js';

/** Share of people with a protected identity (securityMarking other than Ingen). */
export const PROTECTED_IDENTITY_SHARE = 0.01;

/** The fields every generated person has, in the spec's property order. */
export interface PersonCore {
  id: string;
  name: PersonName;
  sex: Sex;
  eppn: string;
  civicNo: string;
  securityMarking?: SecurityMarking;
}

export interface PersonCoreOptions {
  birthYear: number;
  /** Forces the kind of civic number (default: drawn, ~2 % samordningsnummer, ~0.5 % tillfälligt). */
  kind?: CivicNumberKind;
}

/** Draws the common part of a person from `random`, with ids and identifiers from the run's issuers. */
export function createPersonCore(
  state: GenerationState,
  random: SeededRandom,
  options: PersonCoreOptions,
): PersonCore {
  const id = state.ids.uuid();
  const sex: Sex = random.chance(0.5) ? 'female' : 'male';
  const name = pickName(random, sex);
  const kind = options.kind ?? pickCivicNumberKind(random);
  const civicNo = state.civicNumbers.issue(options.birthYear, sex, kind);
  const eppn = state.eppns.issue(name);
  const core: PersonCore = { id, name, sex, eppn, civicNo };
  if (random.chance(PROTECTED_IDENTITY_SHARE)) {
    core.securityMarking = random.chance(0.5) ? 'Skyddad folkbokföring' : 'Sekretessmarkering';
  }
  return core;
}

/** The Person object of a core, with the rest (`emails`, `enrolments`, …) added by the caller. */
export function personOf(
  core: PersonCore,
  rest: Pick<Person, 'emails' | 'enrolments' | 'externalIdentifiers'> = {},
): Person {
  // Built in the spec's property order (Person schema), which is the order the JSON output shows.
  return {
    id: core.id,
    givenName: core.name.givenName,
    ...(core.name.middleName ? { middleName: core.name.middleName } : {}),
    familyName: core.name.familyName,
    eduPersonPrincipalNames: [core.eppn],
    ...(rest.externalIdentifiers ? { externalIdentifiers: rest.externalIdentifiers } : {}),
    ...(core.securityMarking ? { securityMarking: core.securityMarking } : {}),
    civicNo: { value: core.civicNo, nationality: 'SE' },
    ...(rest.emails ? { emails: rest.emails } : {}),
    ...(rest.enrolments ? { enrolments: rest.enrolments } : {}),
  };
}
