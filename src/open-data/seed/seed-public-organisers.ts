// Seeded public organisers: two municipalities and the two state authorities that run sameskolor and specialskolor.
import { LEGAL_FORMS, ORGANISER_TYPES } from './legal-forms.js';
import { GY_YEARS, type OrganiserSeed, withoutYears, withYears } from './seed-helpers.js';

// Organisation numbers and school unit codes are invented (Luhn-valid, register-shaped); names of
// municipalities and their SCB codes are real.
export const PUBLIC_ORGANISERS: OrganiserSeed[] = [
  {
    organisation: {
      displayName: 'Sundsvalls kommun',
      organisationNumber: '2120002411',
      legalForm: LEGAL_FORMS.kommun,
      organiserType: ORGANISER_TYPES.kommun,
      email: 'barn.utbildning@sundsvall.example',
      phoneNumber: '+46 60 19 10 00',
      address: { streetAdress: 'Norrmalmsgatan 4', postalCode: '851 85', locality: 'Sundsvall' },
    },
    units: [
      {
        code: '20761439',
        name: 'Björkbackeskolan',
        municipality: '2281',
        types: [withoutYears('FKLASS'), withYears('GR', 1, 6), withoutYears('FTH')],
      },
      { code: '83452017', name: 'Granlidens skola', municipality: '2281', types: [withYears('GR', 1, 9)] },
      { code: '56098241', name: 'Sjöviksskolan', municipality: '2281', types: [withYears('GR', 7, 9)] },
      { code: '39217658', name: 'Norrmalmsgymnasiet', municipality: '2281', types: [GY_YEARS] },
      { code: '64820193', name: 'Komvux Sundsvall', municipality: '2281', types: [withoutYears('VUXGY')] },
      {
        code: '91735206',
        name: 'Tallåsens skola',
        municipality: '2281',
        types: [withYears('GR', 1, 6)],
        status: 'Expired',
      },
    ],
  },
  {
    organisation: {
      displayName: 'Lunds kommun',
      organisationNumber: '2120001173',
      legalForm: LEGAL_FORMS.kommun,
      organiserType: ORGANISER_TYPES.kommun,
      email: 'utbildning@lund.example',
      phoneNumber: '+46 46 359 50 00',
      address: { streetAdress: 'Kyrkogatan 21', postalCode: '221 00', locality: 'Lund' },
    },
    units: [
      {
        code: '27604815',
        name: 'Ekbackeskolan',
        municipality: '1281',
        types: [withoutYears('FKLASS'), withYears('GR', 1, 6)],
      },
      { code: '84150392', name: 'Lindängsskolan', municipality: '1281', types: [withYears('GR', 7, 9)] },
      { code: '45982107', name: 'Rosenlundsgymnasiet', municipality: '1281', types: [GY_YEARS] },
      {
        code: '13068754',
        name: 'Vuxenutbildningen i Lund',
        municipality: '1281',
        types: [withoutYears('VUXGY'), withoutYears('VUXGR')],
      },
    ],
  },
  {
    organisation: {
      displayName: 'Sameskolstyrelsen',
      organisationNumber: '2021005505',
      legalForm: LEGAL_FORMS.staten,
      organiserType: ORGANISER_TYPES.staten,
      email: 'registrator@sameskolstyrelsen.example',
      phoneNumber: '+46 971 440 50',
      address: { streetAdress: 'Box 155', postalCode: '962 23', locality: 'Jokkmokk' },
    },
    units: [
      { code: '32805617', name: 'Kiruna sameskola', municipality: '2584', types: [withYears('SAM', 1, 6)] },
      {
        code: '59170384',
        name: 'Gällivare sameskola',
        municipality: '2523',
        types: [withYears('SAM', 1, 6)],
      },
      {
        code: '86034251',
        name: 'Jokkmokks sameskola',
        municipality: '2510',
        types: [withYears('SAM', 1, 6)],
      },
    ],
  },
  {
    organisation: {
      displayName: 'Specialpedagogiska skolmyndigheten',
      organisationNumber: '2021005620',
      legalForm: LEGAL_FORMS.staten,
      organiserType: ORGANISER_TYPES.staten,
      email: 'info@spsm.example',
      phoneNumber: '+46 10 473 50 00',
      address: { streetAdress: 'Box 1100', postalCode: '871 29', locality: 'Härnösand' },
    },
    units: [
      { code: '71268405', name: 'Birgittaskolan', municipality: '1880', types: [withYears('SP', 1, 10)] },
      { code: '24593178', name: 'Kristinaskolan', municipality: '2280', types: [withYears('SP', 1, 10)] },
      { code: '95816032', name: 'Östervångsskolan', municipality: '1281', types: [withYears('SP', 1, 10)] },
    ],
  },
];
