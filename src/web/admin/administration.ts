// Administration provtjänsten as one service: per-organisation settings, views of its data, and its actions.
import { parseOrganisationNumber, toOrganisationId } from '../../mock-auth/index.js';
import type { RegisteredApi } from '../../mock-ss12000-client/index.js';
import type { Organisation } from '../../open-data/open-data-types.js';
import type { WebServices } from '../web-services.js';
import { type FederationMember, federationMembers } from './federation-upload.js';
import { applySettings, type OrganisationSettings, type SettingsInput } from './organisation-settings.js';
import { isProtected, type PlatformPerson, platformViewOfPerson } from './pseudonymisation.js';
import { type RegisterNotice, type RemovalNotice, readRegisterNotices } from './register-notices.js';
import { AdministrationSettingsStore } from './settings-store.js';
import { type ResourceTransfer, readTransferStatus } from './transfer-status.js';

export interface AdministrationView {
  organisationId: string;
  organisationNumber: string;
  /** Where this organisation's routes are. */
  base: string;
  organisations: readonly Pick<Organisation, 'organisationNumber' | 'displayName'>[];
  settings: OrganisationSettings;
  apis: RegisteredApi[];
  protectedPersons: PlatformPerson[];
  notices: { notices: RegisterNotice[]; removed: RemovalNotice[] };
  transfers: ResourceTransfer[];
  federation: FederationMember[];
}

export const ADMIN_BASE = '/_mock/admin/organisations';

/** `SE5567044268` and `5567044268` for any accepted spelling, or undefined. */
export function organisationIds(
  input: string,
): { organisationId: string; organisationNumber: string } | undefined {
  const number = parseOrganisationNumber(input);
  return number ? { organisationId: toOrganisationId(number), organisationNumber: number } : undefined;
}

export class Administration {
  readonly settings: AdministrationSettingsStore;

  constructor(private readonly services: WebServices) {
    this.settings = new AdministrationSettingsStore(services.settings.stateDir);
  }

  updateSettings(organisationId: string, input: SettingsInput, replace: boolean): OrganisationSettings {
    const next = applySettings(
      this.settings.get(organisationId),
      input,
      this.services.clock.date().toISOString(),
      replace,
    );
    return this.settings.set(next);
  }

  /** Stored persons with a protecting securityMarking, as the platform receives them under the current setting. */
  protectedPersons(organisationId: string): PlatformPerson[] {
    const attested = this.settings.get(organisationId).pseudonymisationAttested;
    return this.services.provisioning.data
      .values(organisationId, 'persons')
      .filter((stored) => isProtected(stored.body))
      .map((stored) => platformViewOfPerson(stored.body, attested));
  }

  apis(organisationNumber: string): RegisteredApi[] {
    return this.services.ss12000Client.list(organisationNumber);
  }

  async view(organisationId: string, organisationNumber: string): Promise<AdministrationView> {
    const catalogue = this.services.catalogue.organisations;
    const organisations = catalogue.some((o) => o.organisationNumber === organisationNumber)
      ? catalogue
      : [...catalogue, { organisationNumber, displayName: 'not in open data' }];
    return {
      organisationId,
      organisationNumber,
      base: `${ADMIN_BASE}/${organisationId}`,
      organisations,
      settings: this.settings.get(organisationId),
      apis: this.apis(organisationNumber),
      protectedPersons: this.protectedPersons(organisationId),
      notices: readRegisterNotices(this.services, organisationId),
      transfers: readTransferStatus(this.services, organisationId),
      federation: await federationMembers(this.services, organisationId),
    };
  }
}
