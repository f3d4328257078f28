// Keeps every organisation's Administration settings, in memory and in `<stateDir>/administration.json`.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emptySettings, type OrganisationSettings } from './organisation-settings.js';

export const SETTINGS_FILE = 'administration.json';

export class AdministrationSettingsStore {
  private readonly byOrganisation = new Map<string, OrganisationSettings>();
  private readonly file: string;

  /** Reads the state directory's file when there is one; a damaged file is set aside, never fatal. */
  constructor(stateDir: string) {
    this.file = join(stateDir, SETTINGS_FILE);
    if (!existsSync(this.file)) return;
    try {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as { organisations?: OrganisationSettings[] };
      for (const settings of saved.organisations ?? []) {
        if (typeof settings?.organisationId === 'string') {
          this.byOrganisation.set(settings.organisationId, {
            ...emptySettings(settings.organisationId),
            ...settings,
          });
        }
      }
    } catch (error) {
      console.warn(
        `[provtjanst-mock] ${this.file} is unreadable (${(error as Error).message}); starting empty`,
      );
    }
  }

  /** The organisation's settings (defaults when it never set any). */
  get(organisationId: string): OrganisationSettings {
    return this.byOrganisation.get(organisationId) ?? emptySettings(organisationId);
  }

  set(settings: OrganisationSettings): OrganisationSettings {
    this.byOrganisation.set(settings.organisationId, settings);
    this.save();
    return settings;
  }

  list(): OrganisationSettings[] {
    return [...this.byOrganisation.values()];
  }

  private save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify({ organisations: this.list() }, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, this.file);
  }
}
