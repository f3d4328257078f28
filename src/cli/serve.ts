// `provtjanst-mock serve`: resolves settings (flags > env > --config file), starts the mock, prints the banner.
import { ALL_SETTINGS, loadConfigFile, resolveSettings } from '../config/index.js';
import { startMock } from '../server.js';
import { CliUsageError, parseCommandArgs, printUsageError, settingOptions } from './args.js';
import { portInUse, portInUseMessage } from './port-in-use.js';
import { ensureReadyClient } from './ready-client.js';
import { renderBanner } from './serve-banner.js';
import { renderSettingsHelp } from './settings-help.js';

/** Starts the mock and resolves when it has shut down (SIGINT/SIGTERM). */
export async function runServeCommand(argv: string[]): Promise<number> {
  let flags: ReturnType<typeof parseCommandArgs>['values'];
  try {
    ({ values: flags } = parseCommandArgs(
      argv,
      settingOptions(ALL_SETTINGS, { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } }),
      { allowNegative: true },
    ));
  } catch (error) {
    if (error instanceof CliUsageError) return printUsageError('serve', error);
    throw error;
  }
  if (flags.help) {
    console.log(renderSettingsHelp('serve', ALL_SETTINGS));
    return 0;
  }
  const configFile = typeof flags.config === 'string' ? flags.config : process.env.PROVTJANST_CONFIG;
  const settings = resolveSettings(ALL_SETTINGS, {
    flags: flags as Record<string, string | boolean | string[] | undefined>,
    env: process.env,
    ...(configFile ? { file: loadConfigFile(configFile), fileName: configFile } : {}),
  });

  let running: Awaited<ReturnType<typeof startMock>>;
  try {
    running = await startMock({ settings });
  } catch (error) {
    const port = portInUse(error);
    if (!port) throw error;
    console.error(`provtjanst-mock serve: ${portInUseMessage(port)}`);
    return 2;
  }
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
