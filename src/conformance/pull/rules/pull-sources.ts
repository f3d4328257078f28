// Where each PULL rule's "why" comes from in Skolverket's published documentation and the subset spec.
import { SKOLVERKET_REPO, type SourceLink } from '../../rule/sources.js';

const BLOB = `${SKOLVERKET_REPO}/blob/main`;

export const PULL_SOURCES = {
  checklistPull: {
    title: 'Checklista för en huvudman som överför uppgifter enligt SS 12000 (steg 3, 6 och 7)',
    url: `${SKOLVERKET_REPO}#readme`,
  },
  ss12000Client: {
    title: 'SS12000-klientens README: prenumeration, hämtning, notifieringar',
    url: `${BLOB}/ss12000-client/README.md`,
  },
  verifyJwt: {
    title: 'Auktoriseringsserverns README: verifiering av JWT som skickas från provtjänstens SS12000-klient',
    url: `${BLOB}/authentication-api/README.md#verifiering-av-jwt-som-skickas-från-provtjänstens-ss12000-klient`,
  },
  subsetSpec: {
    title: 'OpenAPI-specifikationen för SS 12000-delmängden (referens-API:t)',
    url: 'https://github.com/skolverket/dnp-ss12000-reference-api',
  },
  attributes: {
    title: 'Skolverket: uppgifter som behöver överföras till Skolverket',
    url: 'https://www.skolverket.se/skolutveckling/digitala-nationella-prov/overforing-av-uppgifter-till-skolverket#h-UppgiftersombehoveroverforastillSkolverket',
  },
} as const satisfies Record<string, SourceLink>;
