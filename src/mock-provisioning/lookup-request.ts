// Checks a lookup body: `{"ids":[uuid…]}`, and for persons also `civicNos` and `eduPersonPrincipalNames`.
import type { LogEntryDetails } from '../model/log-entry.js';
import type { ResourceName } from '../model/resource.js';
import { UUID_PATTERN } from './bulk-request.js';
import { MOCK_MESSAGES } from './log-entry-response.js';

export interface LookupQuery {
  ids: string[];
  civicNos: string[];
  eduPersonPrincipalNames: string[];
}

export type LookupResult = { ok: true; query: LookupQuery } | { ok: false; details: LogEntryDetails };

const FIELDS: Record<ResourceName, readonly (keyof LookupQuery)[]> = {
  persons: ['ids', 'civicNos', 'eduPersonPrincipalNames'],
  duties: ['ids'],
  groups: ['ids'],
  activities: ['ids'],
};

/**
 * Parses the body (spec: searchPersons, IdLookup). Fields other resources do not know are ignored, as unknown
 * JSON properties are; a field of the wrong type, or an id that is not a UUID, is 400 [2010].
 */
export function parseLookup(resource: ResourceName, body: unknown): LookupResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      details: {
        parameterName: 'ids',
        message: MOCK_MESSAGES.invalidBody('Innehållet ska vara ett JSON-objekt.'),
      },
    };
  }
  const query: LookupQuery = { ids: [], civicNos: [], eduPersonPrincipalNames: [] };
  for (const field of FIELDS[resource]) {
    const value = (body as Record<string, unknown>)[field];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value)) {
      return {
        ok: false,
        details: {
          parameterName: field,
          message: MOCK_MESSAGES.invalidBody(`Attributet <${field}> ska vara en lista.`),
        },
      };
    }
    for (const entry of value) {
      if (typeof entry !== 'string' || (field === 'ids' && !UUID_PATTERN.test(entry))) {
        const shown = typeof entry === 'string' ? entry : JSON.stringify(entry);
        if (field === 'ids') return { ok: false, details: { parameterName: 'ids', parameterValue: shown } };
        return {
          ok: false,
          details: {
            parameterName: field,
            parameterValue: shown,
            message: MOCK_MESSAGES.invalidBody(`Varje värde i <${field}> ska vara en sträng.`),
          },
        };
      }
      query[field].push(entry);
    }
  }
  return { ok: true, query };
}
