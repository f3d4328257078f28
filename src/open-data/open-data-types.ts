// The open-data API's resources, shaped exactly as the spec's schemas (open-data-api-1.0.0.yaml, components.schemas).

/** `Code_SchoolType`: every value the spec's enum allows (SS 12000 vocabulary). */
export const SCHOOL_TYPE_CODES = [
  'FS',
  'FKLASS',
  'FTH',
  'OPPFTH',
  'GR',
  'GRAN',
  'GRS',
  'TR',
  'SP',
  'SAM',
  'GY',
  'GYAN',
  'GYS',
  'VUX',
  'VUXSFI',
  'VUXGR',
  'VUXGY',
  'VUXGRAN',
  'VUXSARGR',
  'VUXSARTR',
  'VUXGYAN',
  'VUXSARGY',
  'SFI',
  'SARVUX',
  'SARVUXGR',
  'SARVUXGY',
  'KU',
  'YH',
  'FHS',
  'STF',
  'KKU',
  'HS',
  'ABU',
  'AU',
] as const;
export type SchoolTypeCode = (typeof SCHOOL_TYPE_CODES)[number];

/** The school types digital national tests run in (spec, `Code_SchoolType` description). */
export const DNP_SCHOOL_TYPES = ['GR', 'SP', 'SAM', 'GY', 'VUXGY'] as const;
export type DnpSchoolType = (typeof DNP_SCHOOL_TYPES)[number];

/** School types whose exam activities are per school year (dnp-facts §2). */
export const YEAR_BASED_SCHOOL_TYPES: readonly DnpSchoolType[] = ['GR', 'SP', 'SAM'];

/** `Code_Status`. */
export const STATUS_CODES = ['New', 'Active', 'Expired'] as const;
export type StatusCode = (typeof STATUS_CODES)[number];

export interface CodeAndName {
  readonly id?: string;
  readonly displayName?: string;
}

export interface Address {
  /** Spelled `streetAdress` in the spec. */
  readonly streetAdress?: string;
  readonly postalCode?: string;
  readonly locality?: string;
}

/** `Organisation` (a huvudman), without its `schoolUnits`: the API adds them on `expandSchoolUnits=true`. */
export interface Organisation {
  readonly id: string;
  readonly displayName: string;
  readonly organisationNumber: string;
  readonly countryCode?: string;
  readonly organisationType?: 'Huvudman';
  readonly legalForm?: CodeAndName;
  readonly organiserType?: CodeAndName;
  readonly status?: StatusCode;
  readonly email?: string;
  readonly phoneNumber?: string;
  readonly address?: Address;
}

/** `Organisation` as served with `expandSchoolUnits=true`. */
export interface OrganisationWithSchoolUnits extends Organisation {
  readonly schoolUnits: readonly SchoolUnit[];
}

/** `OrganisationReference`. */
export interface OrganisationReference {
  readonly id: string;
  readonly organisationNumber: string;
  readonly displayName?: string;
}

/** `SchoolYear`. */
export interface SchoolYearEntry {
  readonly schoolYear: number;
  readonly dnpStatus: boolean;
}

/** `SchoolType`: a school type at one school unit, with its years. */
export interface SchoolTypeEntry {
  readonly schoolType: SchoolTypeCode;
  readonly dnpStatus: boolean;
  readonly schoolYears: readonly SchoolYearEntry[];
}

/** `SchoolUnit`. */
export interface SchoolUnit {
  readonly id: string;
  readonly displayName: string;
  readonly schoolUnitCode: string;
  readonly schoolTypes: readonly SchoolTypeEntry[];
  readonly municipalityCode?: string;
  readonly municipalityName?: string;
  readonly status: StatusCode;
  readonly dnpStatus: boolean;
  readonly parentOrganisation: OrganisationReference;
}

/** `Programme` (studieväg). */
export interface Programme {
  readonly id: string;
  readonly displayName: string;
  readonly educationCode: string;
  readonly schoolType: SchoolTypeCode;
  /** RFC 3339 date-time from which the programme may be provisioned. */
  readonly validFrom: string;
  readonly status: StatusCode;
}

/** `Activity` (provaktivitet): the exam activity an SS 12000 activity names as `parentActivity`. */
export interface ExamActivity {
  readonly id: string;
  /** The natural key: `id` is its UUID v5 in the nil namespace. */
  readonly displayName: string;
  readonly activityType: 'Provaktivitet';
  readonly schoolType: SchoolTypeCode;
  readonly schoolYear?: number;
  readonly comment?: string;
}
