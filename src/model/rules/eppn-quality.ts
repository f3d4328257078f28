// The EPPN quality heuristic behind warning 3047: a local part built from the person's name.

/** Names repeat across a huvudman's data, so spellings are remembered (bounded: cleared when full). */
const SPELLINGS_CACHE = new Map<string, readonly string[]>();
const SPELLINGS_CACHE_SIZE = 20_000;

/** Name variants a local part may spell: as written, without diacritics, and with å/ä/ö → aa/ae/oe. */
function spellings(name: string): readonly string[] {
  const cached = SPELLINGS_CACHE.get(name);
  if (cached) return cached;
  const lower = name.toLocaleLowerCase('sv-SE');
  const plain = lower.normalize('NFD').replace(/\p{M}/gu, '');
  const german = lower.replace(/å/g, 'aa').replace(/ä/g, 'ae').replace(/ö/g, 'oe');
  const onlyLetters = (s: string) => s.replace(/[^\p{L}]/gu, '');
  const variants = [...new Set([lower, plain, german].map(onlyLetters))];
  if (SPELLINGS_CACHE.size >= SPELLINGS_CACHE_SIZE) SPELLINGS_CACHE.clear();
  SPELLINGS_CACHE.set(name, variants);
  return variants;
}

function prefixes(name: string, length: number): string[] {
  return spellings(name)
    .filter((s) => s.length >= length)
    .map((s) => s.slice(0, length));
}

export interface EppnNames {
  givenName: string;
  /** Family name, and (by default) the middle name, which in Sweden is a family-type name. */
  familyNames: readonly string[];
}

/**
 * Does the EPPN's local part contain the first three letters of a family name, or the first two letters of
 * a family name next to the first two of the given name (either order)? Case-insensitive; å/ä/ö match
 * themselves, a/a/o and aa/ae/oe. A family name shorter than three letters skips the three-letter test.
 * Source: the text of warning 3047 in Provisioning API 1.3.2.
 *
 * @example isNameBasedEppn('lanpip01@skola.se', { givenName: 'Pippi', familyNames: ['Långstrump'] }) // true
 */
export function isNameBasedEppn(eppn: string, names: EppnNames): boolean {
  const at = eppn.lastIndexOf('@');
  const local = (at >= 0 ? eppn.slice(0, at) : eppn).toLocaleLowerCase('sv-SE');
  const localPlain = local.normalize('NFD').replace(/\p{M}/gu, '');
  const contains = (needle: string) => local.includes(needle) || localPlain.includes(needle);
  const given2 = prefixes(names.givenName, 2);
  for (const family of names.familyNames) {
    if (prefixes(family, 3).some(contains)) return true;
    for (const f of prefixes(family, 2)) {
      for (const g of given2) if (contains(f + g) || contains(g + f)) return true;
    }
  }
  return false;
}
