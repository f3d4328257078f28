// The zod schema of catalogue data: what a user's open-data file (and the seed) may hold, before ids are derived.
import { z } from 'zod';
import {
  DNP_SCHOOL_TYPES,
  type DnpSchoolType,
  SCHOOL_TYPE_CODES,
  STATUS_CODES,
  YEAR_BASED_SCHOOL_TYPES,
} from './open-data-types.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Natural keys. The spec fixes no format; these are the Swedish registers' formats (dnp-facts §2).
// Organisation numbers are not Luhn-checked: the spec's own 5567044268 fails the check digit.
const organisationNumberSchema = z.string().regex(/^\d{10}$/, 'must be 10 digits');
const schoolUnitCodeSchema = z.string().regex(/^\d{8}$/, 'must be 8 digits');
const educationCodeSchema = z.string().regex(/^[A-Za-z0-9]{1,16}$/, 'must be 1–16 letters or digits');
const optionalIdSchema = z.string().regex(UUID_PATTERN, 'must be a UUID').optional();
const nameSchema = z.string().min(1, 'must not be empty');
const statusSchema = z.enum(STATUS_CODES);
const schoolTypeSchema = z.enum(SCHOOL_TYPE_CODES);

const codeAndNameSchema = z.strictObject({ id: z.string().optional(), displayName: z.string().optional() });

export const organisationInputSchema = z.strictObject({
  id: optionalIdSchema,
  displayName: nameSchema,
  organisationNumber: organisationNumberSchema,
  countryCode: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code')
    .optional(),
  organisationType: z.literal('Huvudman').optional(),
  legalForm: codeAndNameSchema.optional(),
  organiserType: codeAndNameSchema.optional(),
  /** Omitted: derived as the spec says (Active when a school unit is Active or New, else Expired). */
  status: statusSchema.optional(),
  email: z.string().optional(),
  phoneNumber: z.string().optional(),
  address: z
    .strictObject({
      streetAdress: z.string().optional(),
      postalCode: z.string().optional(),
      locality: z.string().optional(),
    })
    .optional(),
});

const schoolYearInputSchema = z.strictObject({
  schoolYear: z.int('must be an integer').min(0, 'must be 0–10').max(10, 'must be 0–10'),
  dnpStatus: z.boolean().optional(),
});

const schoolTypeInputSchema = z.strictObject({
  schoolType: schoolTypeSchema,
  dnpStatus: z.boolean().optional(),
  schoolYears: z.array(schoolYearInputSchema).optional(),
});

export const schoolUnitInputSchema = z.strictObject({
  id: optionalIdSchema,
  displayName: nameSchema,
  schoolUnitCode: schoolUnitCodeSchema,
  schoolTypes: z.array(schoolTypeInputSchema),
  municipalityCode: z
    .string()
    .regex(/^\d{4}$/, 'must be 4 digits')
    .optional(),
  municipalityName: z.string().optional(),
  status: statusSchema.optional(),
  dnpStatus: z.boolean().optional(),
  parentOrganisation: z.strictObject({
    organisationNumber: organisationNumberSchema,
    id: optionalIdSchema,
    displayName: z.string().optional(),
  }),
});

export const programmeInputSchema = z.strictObject({
  id: optionalIdSchema,
  displayName: nameSchema,
  educationCode: educationCodeSchema,
  schoolType: schoolTypeSchema.optional(),
  validFrom: z.iso.datetime({
    offset: true,
    error: 'must be an RFC 3339 date-time, e.g. 2011-07-01T00:00:00+02:00',
  }),
  status: statusSchema.optional(),
});

export const activityInputSchema = z
  .strictObject({
    id: optionalIdSchema,
    displayName: nameSchema,
    activityType: z.literal('Provaktivitet').optional(),
    schoolType: z.enum(
      DNP_SCHOOL_TYPES,
      `must be one of ${DNP_SCHOOL_TYPES.join(', ')} (the DNP school types)`,
    ),
    schoolYear: z.int('must be an integer').min(1, 'must be 1–10').max(10, 'must be 1–10').optional(),
    comment: z.string().optional(),
  })
  .superRefine((activity, ctx) => {
    // dnp-facts §2: one exam activity per subject and school year for GR/SP/SAM.
    if (
      YEAR_BASED_SCHOOL_TYPES.includes(activity.schoolType as DnpSchoolType) &&
      activity.schoolYear === undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['schoolYear'],
        message: `is required for ${activity.schoolType}`,
      });
    }
  });

export const catalogueInputSchema = z.strictObject({
  organisations: z.array(organisationInputSchema).default([]),
  schoolUnits: z.array(schoolUnitInputSchema).default([]),
  programmes: z.array(programmeInputSchema).default([]),
  activities: z.array(activityInputSchema).default([]),
});

/** Catalogue data as written by hand or in a file: ids optional (derived), most statuses defaulted. */
export type OpenDataCatalogueInput = z.input<typeof catalogueInputSchema>;
/** Catalogue data after the schema's defaults. */
export type ParsedCatalogueInput = z.output<typeof catalogueInputSchema>;
export type OrganisationInput = z.input<typeof organisationInputSchema>;
export type SchoolUnitInput = z.input<typeof schoolUnitInputSchema>;
export type ProgrammeInput = z.input<typeof programmeInputSchema>;
export type ActivityInput = z.input<typeof activityInputSchema>;
