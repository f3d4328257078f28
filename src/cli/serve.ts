// `provtjanst-mock serve`: resolves settings (flags > env > --config file), starts the mock, prints the banner.
import { ALL_SETTINGS, loadConfigFile, parseSettingFlags, resolveSettings } from '../config/index.js';
import { startMock } from '../server.js';
import { ensureReadyClient } from './ready-client.js';
import { renderBanner } from './serve-banner.js';
import { renderSettingsHelp } from './settings-help.js';

/** Starts the mock and resolves when it has shut down (SIGINT/SIGTERM). */
export async function runServeCommand(argv: string[]): Promise<number> {
  const { flags } = parseSettingFlags(argv, ALL_SETTINGS, {
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (flags.help) {
    console.log(renderSettingsHelp('serve', ALL_SETTINGS));
    return 0;
  }
  const configFile = typeof flags.config === 'string' ? flags.config : process.env.PROVTJANST_CONFIG;
  const settings = resolveSettings(ALL_SETTINGS, {
    flags,
    env: process.env,
    ...(configFile ? { file: loadConfigFile(configFile), fileName: configFile } : {}),
  });

  const running = await startMock({ settings });
  const files = await ensureReadyClient(settings.stateDir);
  console.log(renderBanner(running, files, settings.insecureDevAuth));

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.log(`\nprovtjanst-mock: ${signal} received, shutting down`);
      running.close().then(resolve, resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}
