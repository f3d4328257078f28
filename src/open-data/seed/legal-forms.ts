// Legal forms (SCB juridisk form) and organiser types (huvudmannatyp) used by the seeded organisations.

/** SCB's codes for juridisk form; the spec's example is `49` "Övriga aktiebolag". */
export const LEGAL_FORMS = {
  aktiebolag: { id: '49', displayName: 'Övriga aktiebolag' },
  stiftelse: { id: '72', displayName: 'Övriga stiftelser och fonder' },
  staten: { id: '81', displayName: 'Statliga enheter' },
  kommun: { id: '82', displayName: 'Kommuner' },
} as const;

/**
 * Huvudmannatyp. The spec gives one example (`01` "Kommuner och kommunalförbund"); the other codes are
 * the mock's choice (interpretation, documented in docs/open-data.md).
 */
export const ORGANISER_TYPES = {
  kommun: { id: '01', displayName: 'Kommuner och kommunalförbund' },
  enskild: { id: '02', displayName: 'Enskilda huvudmän' },
  staten: { id: '04', displayName: 'Staten' },
} as const;
