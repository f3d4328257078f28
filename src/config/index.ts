// Public surface of configuration: settings table, resolution, defaults, and the mock's URLs.
export { buildSettings } from './default-settings.js';
export { booleanSetting, FOUNDATION_SETTINGS, type FoundationSettings } from './foundation-settings.js';
export {
  API_PATHS,
  type ApiName,
  acceptedBaseUrls,
  buildMockUrls,
  isLocationOf,
  localRoots,
  type MockUrls,
} from './mock-urls.js';
export {
  loadConfigFile,
  parseSettingFlags,
  resolveSettings,
  type SettingSources,
  SettingsError,
} from './resolve-settings.js';
export { defineSettings, type SettingSpec, type SettingSpecs, type SettingValues } from './setting-spec.js';
export { ALL_SETTINGS, type Settings } from './settings.js';
