// Where each rule's "why" comes from in Skolverket's published documentation (paths as the seeds give them).

export interface SourceLink {
  title: string;
  url: string;
}

/** Skolverket's public repository for the provtjänst docs; the seeds' relative links resolve against it. */
export const SKOLVERKET_REPO = 'https://github.com/skolverket/dnp-usermanagement';
/** `HEAD` follows the repository's default branch, whatever it is named. */
const BLOB = `${SKOLVERKET_REPO}/blob/HEAD`;

export const SOURCES = {
  checklistPush: {
    title: 'Checklista, push till Provisioning API (steg 6)',
    url: `${BLOB}/checklists/checklista-f%C3%B6r-provisionering-via-Provisioning-API.md`,
  },
  authFlow: {
    title: 'Provisioning API README: autentiseringsflöde',
    url: `${BLOB}/provisioning-api/README.md#autentiseringsflöde`,
  },
  authServer: {
    title: 'Auktoriseringsserverns README',
    url: `${BLOB}/authentication-api/README.md`,
  },
  order: {
    title: 'Provisioning API README: ordningsföljd för överföring av uppgifter',
    url: `${BLOB}/provisioning-api/README.md#ordningsföljd-för-överföring-av-uppgifter-via-provisioning-api`,
  },
  openApi: {
    title: 'OpenAPI-specifikationen för Provisioning API (1.3.2)',
    url: `${BLOB}/provisioning-api/dnp-provisioning-api.yaml`,
  },
  changelog131: {
    title: 'Changelog, Provtjänst v1.3.1 (2026-01-19): 200 KB per anrop, 5 anrop/s',
    url: `${BLOB}/CHANGELOG.md#provtjänst-v131-2026-01-19`,
  },
  changelog13: {
    title: 'Changelog, Provtjänst v1.3 (2025-09-22): asynkront svar, återkoppling',
    url: `${BLOB}/CHANGELOG.md#provtjänst-v13-2025-09-22`,
  },
  attributes: {
    title: 'Skolverket: uppgifter som behöver överföras till Skolverket',
    url: 'https://www.skolverket.se/skolutveckling/digitala-nationella-prov/overforing-av-uppgifter-till-skolverket#h-UppgiftersombehoveroverforastillSkolverket',
  },
} as const satisfies Record<string, SourceLink>;
