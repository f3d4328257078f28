// The code lists (value sets) of Provisioning API 1.3.2, as zod enums and plain arrays.
import { z } from 'zod';

/** `Code_SchoolType`: the five school types provtjänsten takes (Provisioning API 1.3.2). */
export const SCHOOL_TYPES = ['GR', 'SP', 'SAM', 'GY', 'VUXGY'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];
export const schoolTypeSchema = z.enum(SCHOOL_TYPES);

/** School types whose enrolments must carry `schoolYear` (Enrolment.schoolYear description). */
export const SCHOOL_TYPES_WITH_SCHOOL_YEAR: readonly SchoolType[] = ['GR', 'SP', 'SAM'];

/** `Code_DutyRole`: the 17 roles of Provisioning API 1.3.2 (the SS 12000 subset adds two more). */
export const DUTY_ROLES = [
  'Rektor',
  'Lärare',
  'Förskollärare',
  'Barnskötare',
  'Bibliotekarie',
  'Lärarassistent',
  'Fritidspedagog',
  'Annan personal',
  'Studie- och yrkesvägledare',
  'Förstelärare',
  'Kurator',
  'Skolsköterska',
  'Skolläkare',
  'Skolpsykolog',
  'Speciallärare/specialpedagog',
  'Skoladministratör',
  'Övrig arbetsledning',
] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];
export const dutyRoleSchema = z.enum(DUTY_ROLES);

/** `Code_GroupType`: the full SS 12000 list; provtjänsten accepts only {@link ALLOWED_GROUP_TYPES}. */
export const GROUP_TYPES = [
  'Undervisning',
  'Klass',
  'Mentor',
  'Provgrupp',
  'Schema',
  'Avdelning',
  'Personalgrupp',
  'Övrigt',
] as const;
export type GroupType = (typeof GROUP_TYPES)[number];
export const groupTypeSchema = z.enum(GROUP_TYPES);
/** Tag "Group": "Det **ska** skickas enbart grupper av typen `Klass` och `Undervisning`." */
export const ALLOWED_GROUP_TYPES: readonly GroupType[] = ['Klass', 'Undervisning'];

/** `Code_ActivityType`: the full SS 12000 list; provtjänsten accepts only `Undervisning`. */
export const ACTIVITY_TYPES = [
  'Undervisning',
  'Elevaktivitet',
  'Provaktivitet',
  'Läraraktivitet',
  'Övrigt',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const activityTypeSchema = z.enum(ACTIVITY_TYPES);
/** Tag "Activity": "Det **ska** skickas enbart aktiviteter av typen `Undervisning`." */
export const ALLOWED_ACTIVITY_TYPES: readonly ActivityType[] = ['Undervisning'];

/** `Code_SecurityMarking`: mirrors the population register. */
export const SECURITY_MARKINGS = ['Ingen', 'Sekretessmarkering', 'Skyddad folkbokföring'] as const;
export type SecurityMarking = (typeof SECURITY_MARKINGS)[number];
export const securityMarkingSchema = z.enum(SECURITY_MARKINGS);

/** `Code_EmailType`; provtjänsten uses only {@link SUPPORTED_EMAIL_TYPES} (Person.emails description). */
export const EMAIL_TYPES = ['Privat', 'Skola elev', 'Skola personal', 'Arbete övrigt'] as const;
export type EmailType = (typeof EMAIL_TYPES)[number];
export const emailTypeSchema = z.enum(EMAIL_TYPES);
export const SUPPORTED_EMAIL_TYPES: readonly EmailType[] = ['Skola elev', 'Skola personal'];

/** `Code_ObjectType`: the `resourceType` of a LogEntry. */
export const OBJECT_TYPES = ['Person', 'Duty', 'Group', 'Activity'] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

/** `externalIdentifiers[].context` must be this (Person.externalIdentifiers description). */
export const EDUID_CONTEXT = 'https://eduid.se';
