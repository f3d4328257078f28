// Seeded programmes (studievägar): Gy11's national programmes and orientations, one expired and one future.
import type { ProgrammeInput } from '../catalogue-input-schema.js';

/** Gy11 took effect on 1 July 2011. */
const GY11 = '2011-07-01T00:00:00+02:00';

/** [educationCode, displayName]: national programmes (two letters) and their orientations. */
const GY11_PROGRAMMES: readonly (readonly [string, string])[] = [
  ['BA', 'Bygg- och anläggningsprogrammet'],
  ['BF', 'Barn- och fritidsprogrammet'],
  ['EE', 'El- och energiprogrammet'],
  ['EK', 'Ekonomiprogrammet'],
  ['EKEKO', 'Ekonomiprogrammet, Ekonomi'],
  ['EKJUR', 'Ekonomiprogrammet, Juridik'],
  // The spec's own example (Programme.displayName, Programme.educationCode).
  ['EKJURV', 'Ekonomiprogrammet, Juridik, särskild variant inom det estetiska området'],
  ['ES', 'Estetiska programmet'],
  ['ESBIL', 'Estetiska programmet, Bild och formgivning'],
  ['ESDAN', 'Estetiska programmet, Dans'],
  ['ESEST', 'Estetiska programmet, Estetik och media'],
  ['ESMUS', 'Estetiska programmet, Musik'],
  ['ESTEA', 'Estetiska programmet, Teater'],
  ['FT', 'Fordons- och transportprogrammet'],
  ['HA', 'Handels- och administrationsprogrammet'],
  ['HT', 'Hotell- och turismprogrammet'],
  ['HU', 'Humanistiska programmet'],
  ['HUKUL', 'Humanistiska programmet, Kultur'],
  ['HUSPR', 'Humanistiska programmet, Språk'],
  ['HV', 'Hantverksprogrammet'],
  ['IN', 'Industritekniska programmet'],
  ['NA', 'Naturvetenskapsprogrammet'],
  ['NANAT', 'Naturvetenskapsprogrammet, Naturvetenskap'],
  ['NASAM', 'Naturvetenskapsprogrammet, Naturvetenskap och samhälle'],
  ['NB', 'Naturbruksprogrammet'],
  ['RL', 'Restaurang- och livsmedelsprogrammet'],
  ['SA', 'Samhällsvetenskapsprogrammet'],
  ['SABET', 'Samhällsvetenskapsprogrammet, Beteendevetenskap'],
  ['SAMED', 'Samhällsvetenskapsprogrammet, Medier, information och kommunikation'],
  ['SASAM', 'Samhällsvetenskapsprogrammet, Samhällsvetenskap'],
  ['TE', 'Teknikprogrammet'],
  ['TEDES', 'Teknikprogrammet, Design och produktutveckling'],
  ['TEINF', 'Teknikprogrammet, Informations- och medieteknik'],
  ['TEPRD', 'Teknikprogrammet, Produktionsteknik'],
  ['TESAM', 'Teknikprogrammet, Samhällsbyggande och miljö'],
  ['TETEK', 'Teknikprogrammet, Teknikvetenskap'],
  ['VF', 'VVS- och fastighetsprogrammet'],
  ['VO', 'Vård- och omsorgsprogrammet'],
];

export const SEED_PROGRAMMES: ProgrammeInput[] = [
  ...GY11_PROGRAMMES.map(([educationCode, displayName]) => ({
    displayName,
    educationCode,
    schoolType: 'GY' as const,
    validFrom: GY11,
    status: 'Active' as const,
  })),
  // Lpf 94's programme, replaced by Gy11: known, but can no longer be provisioned.
  {
    displayName: 'Naturvetenskapsprogrammet (Lpf 94)',
    educationCode: 'NV',
    schoolType: 'GY',
    validFrom: '1994-07-01T00:00:00+02:00',
    status: 'Expired',
  },
  // Fictitious, for tests of validFrom: registered, usable only from 1 July 2027.
  {
    displayName: 'Teknikprogrammet, Data och AI (fiktiv)',
    educationCode: 'TEDAI',
    schoolType: 'GY',
    validFrom: '2027-07-01T00:00:00+02:00',
    status: 'New',
  },
];
