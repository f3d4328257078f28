// The full settings table of the mock (every capability's group) and its resolved type.

import { CONTROL_SETTINGS } from '../control-plane/settings.js';
import { AUTH_SETTINGS } from '../mock-auth/settings.js';
import { PROVISIONING_SETTINGS } from '../mock-provisioning/settings.js';
import { SS12000_CLIENT_SETTINGS } from '../mock-ss12000-client/settings.js';
import { RULE_SETTINGS } from '../model/rule-settings-spec.js';
import { FOUNDATION_SETTINGS } from './foundation-settings.js';
import type { SettingValues } from './setting-spec.js';

/** Every setting, keyed by its config-file name. Capabilities add their group here. */
export const ALL_SETTINGS = {
  ...FOUNDATION_SETTINGS,
  ...AUTH_SETTINGS,
  ...CONTROL_SETTINGS,
  ...PROVISIONING_SETTINGS,
  ...SS12000_CLIENT_SETTINGS,
  ...RULE_SETTINGS,
};

export type Settings = SettingValues<typeof ALL_SETTINGS>;
