// The model's interpretation switches, set like any other setting, change what the Provisioning API answers.
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_SETTINGS, resolveSettings, SettingsError } from '../../src/config/index.js';
import { GR_UNIT, nthPupil } from './fixtures.js';
import { type Harness, pushAndWait, startHarness } from './provisioning-harness.js';

/** A pupil whose EPPN is built from the family name: warning 3047 by default. */
function nameBasedPupil() {
  const pupil = nthPupil(1) as Record<string, unknown>;
  return {
    ...pupil,
    givenName: 'Efraim',
    familyName: 'Karlsson',
    eduPersonPrincipalNames: ['kar01@edu.huvudman.se'],
    enrolments: [{ enroledAt: { id: GR_UNIT }, schoolType: 'GR', schoolYear: 6 }],
  };
}

describe('rule settings', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('warns 3047 for a name-based EPPN by default', async () => {
    h = await startHarness();
    const job = await pushAndWait(h, 'post', '/persons/bulk', { data: [nameBasedPupil()] });
    const response = job.responses[0]?.response;
    expect(response?.status).toBe('Warning');
    const warnings = (response?.warnings ?? []) as { id: string }[];
    expect(warnings.map((w) => w.id)).toEqual(['3047']);
  });

  it('accepts it without warning when --disabled-rules names the rule', async () => {
    h = await startHarness({ disabledRules: ['person.eppn.name-based'] });
    const job = await pushAndWait(h, 'post', '/persons/bulk', { data: [nameBasedPupil()] });
    expect(job.responses[0]?.response).toMatchObject({ status: 'Success', statusCode: 201, warnings: [] });
  });

  it('reads the switches from flags, env and the config file like every setting', () => {
    const fromEnv = resolveSettings(ALL_SETTINGS, {
      env: { PROVTJANST_DISABLED_RULES: 'person.eppn.name-based, enrolment.school-type.not-offered' },
      flags: { 'null-as-absent': false },
    });
    expect(fromEnv.disabledRules).toEqual(['person.eppn.name-based', 'enrolment.school-type.not-offered']);
    expect(fromEnv.nullAsAbsent).toBe(false);
    expect(fromEnv.eppnQualityIncludesMiddleName).toBe(true);
  });

  it('refuses an unknown rule name, naming it', () => {
    expect(() => resolveSettings(ALL_SETTINGS, { file: { disabledRules: ['person.eppn.nope'] } })).toThrow(
      SettingsError,
    );
    expect(() => resolveSettings(ALL_SETTINGS, { file: { disabledRules: ['person.eppn.nope'] } })).toThrow(
      /disabledRules .*unknown rule name\(s\): person\.eppn\.nope/,
    );
  });
});
