// The kinds of defect `generate --defect` can inject: stable kebab-case ids with a one-line description.

/** Every defect kind, in the order `--defects K` cycles through them. */
export const DEFECT_KINDS = [
  'bad-luhn',
  'impossible-date',
  'missing-eppn',
  'two-eppns',
  'eppn-shared-pupil-staff',
  'unknown-school-unit',
  'other-organisation-school-unit',
  'gy-without-education-code',
  'bad-group-type',
  'activity-without-groups',
  'unknown-parent-activity',
  'duty-missing-person',
  'staff-without-email',
  'name-derived-eppn',
] as const;

export type DefectKind = (typeof DEFECT_KINDS)[number];

/** What each kind breaks, for `--help` and docs/generator.md. */
export const DEFECT_DESCRIPTIONS: Readonly<Record<DefectKind, string>> = {
  'bad-luhn': 'a pupil whose civic number has a wrong Luhn check digit',
  'impossible-date': 'a pupil whose civic number has an impossible birth date (30 February)',
  'missing-eppn': 'a pupil with an empty eduPersonPrincipalNames list',
  'two-eppns': 'a pupil with two EPPNs',
  'eppn-shared-pupil-staff': "a staff member's duty, the staff member holding a pupil's EPPN",
  'unknown-school-unit': 'a pupil enrolled at a school unit open data does not know',
  'other-organisation-school-unit': "a duty at another organisation's school unit",
  'gy-without-education-code': 'a GY pupil without educationCode',
  'bad-group-type': 'a group of type Mentor (only Klass and Undervisning are allowed)',
  'activity-without-groups': 'an activity with an empty groups list',
  'unknown-parent-activity': 'an activity whose parentActivity is no exam activity',
  'duty-missing-person': 'a duty for a person that was never sent',
  'staff-without-email': 'the duty of a staff member who has no e-mail address',
  'name-derived-eppn': 'a pupil whose EPPN is built from the name (warning, the person is accepted)',
};

export function isDefectKind(value: string): value is DefectKind {
  return (DEFECT_KINDS as readonly string[]).includes(value);
}
