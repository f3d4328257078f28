// A catalogue whose content can be replaced at run time (PUT /_mock/open-data); every reader sees the new one.
import type { ExamActivityFilter, Instant, OpenDataCatalogue } from './catalogue.js';
import type { Organisation } from './open-data-types.js';

/** Delegates every query to the current catalogue; `replace` swaps it in one step (no half-loaded state). */
export class SwitchableCatalogue implements OpenDataCatalogue {
  private current: OpenDataCatalogue;

  constructor(readonly initial: OpenDataCatalogue) {
    this.current = initial;
  }

  replace(next: OpenDataCatalogue): void {
    this.current = next;
  }

  reset(): void {
    this.current = this.initial;
  }

  get organisations() {
    return this.current.organisations;
  }
  get schoolUnits() {
    return this.current.schoolUnits;
  }
  get programmes() {
    return this.current.programmes;
  }
  get activities() {
    return this.current.activities;
  }
  organisationById(id: string) {
    return this.current.organisationById(id);
  }
  organisationByNumber(organisationNumber: string) {
    return this.current.organisationByNumber(organisationNumber);
  }
  withSchoolUnits(organisation: Organisation) {
    return this.current.withSchoolUnits(organisation);
  }
  schoolUnitById(id: string) {
    return this.current.schoolUnitById(id);
  }
  schoolUnitByCode(schoolUnitCode: string) {
    return this.current.schoolUnitByCode(schoolUnitCode);
  }
  schoolUnitsOf(organisationNumber: string) {
    return this.current.schoolUnitsOf(organisationNumber);
  }
  ownerOfSchoolUnit(schoolUnitId: string) {
    return this.current.ownerOfSchoolUnit(schoolUnitId);
  }
  programmeById(id: string) {
    return this.current.programmeById(id);
  }
  programmeByCode(educationCode: string) {
    return this.current.programmeByCode(educationCode);
  }
  programmesValidOn(at: Instant) {
    return this.current.programmesValidOn(at);
  }
  isProgrammeValidOn(educationCode: string, at: Instant) {
    return this.current.isProgrammeValidOn(educationCode, at);
  }
  activityById(id: string) {
    return this.current.activityById(id);
  }
  activityByDisplayName(displayName: string) {
    return this.current.activityByDisplayName(displayName);
  }
  examActivities(filter?: ExamActivityFilter) {
    return this.current.examActivities(filter);
  }
}
