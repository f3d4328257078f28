// Shares strings that repeat across stored objects (code values, school-unit and exam-activity ids) instead of keeping a copy each.
import type { ResourceName } from '../model/resource.js';
import { isObject, type JsonObject } from './stored-object.js';

/** Bounded: codes and open-data ids are a small set; anything past this is simply not shared. */
const MAX_ENTRIES = 20_000;
const table = new Map<string, string>();

function intern(value: unknown): unknown {
  if (typeof value !== 'string' || value.length > 64) return value;
  const shared = table.get(value);
  if (shared !== undefined) return shared;
  if (table.size < MAX_ENTRIES) table.set(value, value);
  return value;
}

function internField(object: unknown, key: string): void {
  if (isObject(object) && typeof object[key] === 'string') object[key] = intern(object[key]);
}

function internRefId(object: unknown, key: string): void {
  if (isObject(object)) internField(object[key], 'id');
}

function eachObject(list: unknown, fn: (entry: JsonObject) => void): void {
  if (Array.isArray(list)) for (const entry of list) if (isObject(entry)) fn(entry);
}

/**
 * Interns, in place, the fields of `body` whose values repeat across a huvudman's objects. JSON parsing gives
 * every occurrence its own string; for 100,000 pupils of one school that is 100,000 copies of its unit id.
 */
export function internCodes(resource: ResourceName, body: JsonObject): void {
  switch (resource) {
    case 'persons':
      internField(body.civicNo, 'nationality');
      eachObject(body.emails, (email) => internField(email, 'type'));
      eachObject(body.enrolments, (enrolment) => {
        internRefId(enrolment, 'enroledAt');
        internField(enrolment, 'schoolType');
        internField(enrolment, 'educationCode');
      });
      return;
    case 'duties':
      internRefId(body, 'dutyAt');
      internField(body, 'dutyRole');
      return;
    case 'groups':
      internField(body, 'groupType');
      internField(body, 'schoolType');
      internRefId(body, 'organisation');
      return;
    case 'activities':
      internField(body, 'activityType');
      internRefId(body, 'organisation');
      internRefId(body, 'parentActivity');
      return;
  }
}
