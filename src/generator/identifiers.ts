// Opaque, unique EPPNs, school e-mail addresses and eduID identifiers for generated people.
import { isNameBasedEppn } from '../model/index.js';
import type { PersonName } from './names.js';
import type { SeededRandom } from './seeded-random.js';

/** A hostname label: letters and digits, hyphens inside (the model's EPPN format rule wants DNS-like domains). */
const SAFE_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

/** Lower-case ASCII: å/ä → a, ö → o, é → e, everything else but letters and digits dropped. */
export function toAscii(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * The organisation's mail domain: the domain of its open-data e-mail when that is a clean hostname,
 * else a slug of its name under `.se` (`Testorganisation AB` → `testorganisation-ab.se`).
 */
export function organisationDomain(displayName: string, email?: string): string {
  const fromEmail = email?.split('@')[1]?.toLowerCase();
  if (fromEmail && SAFE_DOMAIN.test(fromEmail)) return fromEmail;
  const slug = displayName
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'huvudman'}.se`;
}

/** Hands out EPPNs: a random UUID as the local part, as Skolverket's own example (`fc79e369-…@edu.huvudman.se`). */
export interface EppnIssuer {
  /** A fresh EPPN, unique in the dataset and never name-derived for `name` (warning 3047). */
  issue(name: PersonName): string;
  /** Records an EPPN made elsewhere (a defect); false when it is taken already. */
  claim(eppn: string): boolean;
  /** The domain after the `@`. */
  readonly domain: string;
  readonly issued: ReadonlySet<string>;
}

/**
 * Skolverket's EPPN guidance: persistent, non-reassignable, no personal data. A UUID carries none, but its
 * hex letters could still spell "abda" (Abrahamsson, Daniel), so each candidate is checked with the model's
 * own 3047 heuristic and redrawn when it matches; uniqueness also keeps pupils' and staff's EPPNs apart.
 */
export function createEppnIssuer(random: SeededRandom, domain: string): EppnIssuer {
  const issued = new Set<string>();
  return {
    domain,
    issued,
    claim(eppn) {
      if (issued.has(eppn)) return false;
      issued.add(eppn);
      return true;
    },
    issue(name) {
      const familyNames = name.middleName ? [name.familyName, name.middleName] : [name.familyName];
      for (let attempt = 0; attempt < 100; attempt++) {
        const eppn = `${random.uuid()}@${domain}`;
        if (issued.has(eppn) || isNameBasedEppn(eppn, { givenName: name.givenName, familyNames })) continue;
        issued.add(eppn);
        return eppn;
      }
      throw new RangeError('could not draw an EPPN that is not name-derived');
    },
  };
}

/** A name as an e-mail local part: ASCII letters, hyphens kept (`Ann-Christin` → `ann-christin`), blanks to hyphens. */
function emailPart(name: string): string {
  return name
    .split(/[\s-]+/)
    .map(toAscii)
    .filter((part) => part !== '')
    .join('-');
}

/** School e-mail addresses `given.family@domain`, made unique with a number. */
export interface EmailIssuer {
  issue(name: PersonName): string;
}

export function createEmailIssuer(domain: string): EmailIssuer {
  const used = new Map<string, number>();
  return {
    issue(name) {
      const base = `${emailPart(name.givenName) || 'personal'}.${emailPart(name.familyName) || 'skola'}`;
      const count = (used.get(base) ?? 0) + 1;
      used.set(base, count);
      return count === 1 ? `${base}@${domain}` : `${base}${count}@${domain}`;
    },
  };
}

const CONSONANTS = 'bdfghjklmnprstv';
const VOWELS = 'aeiou';

function syllables(random: SeededRandom): string {
  let word = '';
  for (let i = 0; i < 5; i++) word += i % 2 === 0 ? random.pick([...CONSONANTS]) : random.pick([...VOWELS]);
  return word;
}

/** eduID EPPNs look like `movip-eiral@eduid.se` (spec example): two random five-letter words. */
export function createEduIdIssuer(random: SeededRandom): { issue(): string } {
  const issued = new Set<string>();
  return {
    issue() {
      for (;;) {
        const value = `${syllables(random)}-${syllables(random)}@eduid.se`;
        if (!issued.has(value)) {
          issued.add(value);
          return value;
        }
      }
    },
  };
}
