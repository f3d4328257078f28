// The model's interpretation switches as settings (flags, env, config file), shared by every place rules run.
import { z } from 'zod';
import { listSetting, switchSetting } from '../config/setting-schemas.js';
import { defineSettings, type SettingValues } from '../config/setting-spec.js';
import { RULE_SETTING_DESCRIPTIONS, type RuleSettings } from './rule-context.js';
import { RULES } from './rules/catalogue.js';

const KNOWN_RULE_NAMES = new Set(RULES.map((rule) => rule.name));

export const RULE_SETTINGS = defineSettings({
  disabledRules: {
    flag: 'disabled-rules',
    env: ['PROVTJANST_DISABLED_RULES'],
    kind: 'string',
    schema: listSetting().pipe(
      z.array(z.string()).superRefine((names, ctx) => {
        const unknown = names.filter((name) => !KNOWN_RULE_NAMES.has(name));
        if (unknown.length > 0) {
          ctx.addIssue({
            code: 'custom',
            message: `unknown rule name(s): ${unknown.join(', ')} (see docs/data-rules.md)`,
          });
        }
      }),
    ),
    description: `${RULE_SETTING_DESCRIPTIONS.disabledRules} Comma-separated rule names from docs/data-rules.md.`,
  },
  eppnQualityIncludesMiddleName: {
    flag: 'eppn-quality-middle-name',
    env: ['PROVTJANST_EPPN_QUALITY_MIDDLE_NAME'],
    kind: 'boolean',
    schema: switchSetting(true),
    description: RULE_SETTING_DESCRIPTIONS.eppnQualityIncludesMiddleName,
  },
  nullAsAbsent: {
    flag: 'null-as-absent',
    env: ['PROVTJANST_NULL_AS_ABSENT'],
    kind: 'boolean',
    schema: switchSetting(true),
    description: RULE_SETTING_DESCRIPTIONS.nullAsAbsent,
  },
});

export type RuleSettingValues = SettingValues<typeof RULE_SETTINGS>;

/** The rule settings out of the full settings object, in the shape the model's RuleContext takes. */
export function pickRuleSettings(settings: RuleSettingValues): RuleSettings {
  return {
    disabledRules: settings.disabledRules,
    eppnQualityIncludesMiddleName: settings.eppnQualityIncludesMiddleName,
    nullAsAbsent: settings.nullAsAbsent,
  };
}
