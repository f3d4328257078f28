// Settings resolution: flags beat env beat config file beat defaults, and a bad value names its setting.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALL_SETTINGS,
  buildMockUrls,
  isLocationOf,
  loadConfigFile,
  parseSettingFlags,
  resolveSettings,
  SettingsError,
} from '../../src/config/index.js';

describe('resolveSettings', () => {
  it('uses defaults when nothing is given', () => {
    const settings = resolveSettings(ALL_SETTINGS, {});
    expect(settings.port).toBe(8080);
    expect(settings.httpsPort).toBe(8443);
    expect(settings.tokenLifetime).toBe(36_000);
    expect(settings.insecureDevAuth).toBe(false);
  });

  it('takes flags over env over the config file', () => {
    const file = { port: 1000, httpsPort: 1001, host: '0.0.0.0' };
    const env = { PORT: '2000', HTTPS_PORT: '2001' };
    const { flags } = parseSettingFlags(['--port', '3000'], ALL_SETTINGS);
    const settings = resolveSettings(ALL_SETTINGS, { flags, env, file });
    expect(settings.port).toBe(3000);
    expect(settings.httpsPort).toBe(2001);
    expect(settings.host).toBe('0.0.0.0');
  });

  it('reads boolean switches from flags and words from env', () => {
    const { flags } = parseSettingFlags(['--insecure-dev-auth'], ALL_SETTINGS);
    expect(resolveSettings(ALL_SETTINGS, { flags }).insecureDevAuth).toBe(true);
    expect(resolveSettings(ALL_SETTINGS, { env: { PROVTJANST_TRUST_PROXY: 'yes' } }).trustProxy).toBe(true);
  });

  it('names the setting and its origin when a value is bad', () => {
    expect(() => resolveSettings(ALL_SETTINGS, { env: { PORT: 'eighty' } })).toThrow(
      /setting port \(from env PORT\) must be a whole number, got "eighty"/,
    );
    expect(() =>
      resolveSettings(ALL_SETTINGS, { file: { tokenLifetime: -5 }, fileName: 'mock.json' }),
    ).toThrow(/tokenLifetime \(from "tokenLifetime" in mock.json\)/);
    expect(() => resolveSettings(ALL_SETTINGS, { file: { publicUrl: 'ftp://x' } })).toThrow(SettingsError);
  });

  it('rejects unknown keys in the config file and unknown flags', () => {
    expect(() => resolveSettings(ALL_SETTINGS, { file: { prot: 1 }, fileName: 'm.json' })).toThrow(
      /Unknown setting "prot" in m.json/,
    );
    expect(() => parseSettingFlags(['--prot', '1'], ALL_SETTINGS)).toThrow(SettingsError);
  });

  it('loads a JSON config file and reports a broken one by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptm-config-'));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify({ port: 9999 }));
    writeFileSync(bad, '{ "port": ');
    expect(loadConfigFile(good)).toEqual({ port: 9999 });
    expect(() => loadConfigFile(bad)).toThrow(/bad.json is not valid JSON/);
    expect(() => loadConfigFile(join(dir, 'missing.json'))).toThrow(/Cannot read config file/);
  });
});

describe('mock URLs', () => {
  it('derives every base URL from the public root', () => {
    const urls = buildMockUrls('https://mock.example/');
    expect(urls.provisioning).toBe('https://mock.example/provtjanst/provisioning/v1');
    expect(urls.openData).toBe('https://mock.example/provtjanst/open-data/v1');
    expect(urls.ss12000Client).toBe('https://mock.example/provtjanst/ss12000/klient/v1');
    expect(urls.jwks).toBe('https://mock.example/.well-known/jwks.json');
  });

  it('accepts a location on the public root or an alternate root, and nothing else', () => {
    const urls = buildMockUrls('http://localhost:8080', ['https://localhost:8443']);
    expect(isLocationOf(urls, 'provisioning', 'http://localhost:8080/provtjanst/provisioning/v1')).toBe(true);
    expect(isLocationOf(urls, 'provisioning', 'https://localhost:8443/provtjanst/provisioning/v1/')).toBe(
      true,
    );
    expect(isLocationOf(urls, 'provisioning', 'http://localhost:8080/provtjanst/open-data/v1')).toBe(false);
    expect(isLocationOf(urls, 'provisioning', 'http://evil.example/provtjanst/provisioning/v1')).toBe(false);
  });
});
