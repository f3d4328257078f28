// What the test platform receives of a protected person, with and without the huvudman's pseudonymisation attestation.
import { createHash } from 'node:crypto';
import type { JsonObject } from '../../mock-provisioning/stored-object.js';

/** `securityMarking` values that make a person protected (Code_SecurityMarking; `Ingen` is not). */
export const PROTECTED_MARKINGS = ['Sekretessmarkering', 'Skyddad folkbokföring'] as const;

/** Fields the platform replaces or drops for a protected person when the huvudman has not attested. */
export const PSEUDONYMISED_FIELDS = [
  'givenName',
  'middleName',
  'familyName',
  'civicNo',
  'emails',
  'phoneNumbers',
  'addresses',
  'photo',
] as const;

export function isProtected(person: JsonObject): boolean {
  return (PROTECTED_MARKINGS as readonly string[]).includes(String(person.securityMarking ?? ''));
}

export interface PlatformPerson {
  id: string;
  securityMarking: string;
  /** `as-sent`: passed on unchanged; `pseudonymised`: the platform replaced the identifying fields. */
  treatment: 'as-sent' | 'pseudonymised';
  /** The fields the platform changed (empty when passed as sent). */
  changed: string[];
  person: JsonObject;
}

/** A stable pseudonym for a person id (the same person keeps it across transfers). */
function pseudonym(id: string): string {
  return `Skyddad ${createHash('sha256').update(id).digest('hex').slice(0, 6).toUpperCase()}`;
}

/**
 * The person as the platform would hold it. The mock's model of seed 002: a protected person is
 * pseudonymised by the platform (name replaced by a stable pseudonym, civic number and contact details
 * removed) unless the huvudman attested its existing method; then the data, already aliases, pass as sent.
 * Unprotected persons always pass as sent. The Provisioning API's own answers never change: Skolverket
 * stores what was sent; pseudonymisation is part of the onward transfer.
 */
export function platformViewOfPerson(person: JsonObject, attested: boolean): PlatformPerson {
  const id = String(person.id ?? '');
  const securityMarking = String(person.securityMarking ?? 'Ingen');
  if (!isProtected(person) || attested) {
    return { id, securityMarking, treatment: 'as-sent', changed: [], person };
  }
  const copy: JsonObject = { ...person };
  const changed: string[] = [];
  for (const field of PSEUDONYMISED_FIELDS) {
    if (copy[field] !== undefined) {
      changed.push(field);
      delete copy[field];
    }
  }
  const name = pseudonym(id);
  copy.givenName = name;
  copy.familyName = name;
  for (const field of ['givenName', 'familyName']) if (!changed.includes(field)) changed.push(field);
  return { id, securityMarking, treatment: 'pseudonymised', changed, person: copy };
}
