// Seeded independent organisers: the spec's Testorganisation AB, another company, a foundation, and a closed company.
import { LEGAL_FORMS, ORGANISER_TYPES } from './legal-forms.js';
import { GY_YEARS, type OrganiserSeed, withoutYears, withYears } from './seed-helpers.js';

export const PRIVATE_ORGANISERS: OrganiserSeed[] = [
  {
    // The spec's example organisation and school unit (open-data-api-1.0.0.yaml, Organisation, SchoolUnit).
    organisation: {
      displayName: 'Testorganisation AB',
      organisationNumber: '5567044268',
      legalForm: LEGAL_FORMS.aktiebolag,
      organiserType: ORGANISER_TYPES.enskild,
      email: 'org_name@org_domain.se',
      phoneNumber: '+46 8 123 456 78',
      address: { streetAdress: 'Testgatan 1', postalCode: '123 45', locality: 'Teststad' },
    },
    units: [
      {
        code: '31279295',
        name: 'Testskolan',
        municipality: '0180',
        types: [withoutYears('FKLASS'), withYears('GR', 1, 9), withoutYears('FTH')],
      },
      { code: '48213067', name: 'Testgymnasiet', municipality: '0180', types: [GY_YEARS] },
      { code: '62910475', name: 'Testskolan Norra', municipality: '0184', types: [withYears('GR', 1, 6)] },
      {
        code: '15873920',
        name: 'Testskolan Uppsala',
        municipality: '0380',
        types: [withYears('GR', 7, 9), GY_YEARS],
      },
      // Registered but not yet running, and not yet in provtjänsten.
      {
        code: '70345182',
        name: 'Testvux',
        municipality: '0180',
        types: [withoutYears('VUXGY')],
        status: 'New',
        dnpStatus: false,
      },
    ],
  },
  {
    organisation: {
      displayName: 'Nordljus Utbildning AB',
      organisationNumber: '5569123457',
      legalForm: LEGAL_FORMS.aktiebolag,
      organiserType: ORGANISER_TYPES.enskild,
      email: 'kontakt@nordljus.example',
      phoneNumber: '+46 90 12 34 50',
      address: { streetAdress: 'Storgatan 50', postalCode: '903 26', locality: 'Umeå' },
    },
    units: [
      { code: '58291034', name: 'Nordljusskolan Umeå', municipality: '2480', types: [withYears('GR', 1, 9)] },
      {
        code: '74016283',
        name: 'Nordljusskolan Luleå',
        municipality: '2580',
        types: [withYears('GR', 4, 9)],
      },
      { code: '36570918', name: 'Nordljusgymnasiet Umeå', municipality: '2480', types: [GY_YEARS] },
      // Running, but not (yet) connected to provtjänsten.
      {
        code: '90427361',
        name: 'Nordljusgymnasiet Västerås',
        municipality: '1980',
        types: [GY_YEARS],
        dnpStatus: false,
      },
    ],
  },
  {
    organisation: {
      displayName: 'Stiftelsen Lärkträdets skolor',
      organisationNumber: '8024801238',
      legalForm: LEGAL_FORMS.stiftelse,
      organiserType: ORGANISER_TYPES.enskild,
      email: 'info@larktradet.example',
      phoneNumber: '+46 470 70 20 00',
      address: { streetAdress: 'Lärkvägen 3', postalCode: '352 36', locality: 'Växjö' },
    },
    units: [
      {
        code: '21849507',
        name: 'Lärkträdets skola',
        municipality: '0780',
        types: [withoutYears('FKLASS'), withYears('GR', 1, 9)],
      },
      { code: '67302948', name: 'Lärkträdets gymnasium', municipality: '0780', types: [GY_YEARS] },
      {
        code: '49175036',
        name: 'Lärkträdets lågstadium',
        municipality: '0780',
        types: [withYears('GR', 1, 3)],
      },
    ],
  },
  {
    // Every school unit closed: the organisation's status derives to Expired.
    organisation: {
      displayName: 'Kunskapsbron Friskola AB',
      organisationNumber: '5566345673',
      legalForm: LEGAL_FORMS.aktiebolag,
      organiserType: ORGANISER_TYPES.enskild,
    },
    units: [
      {
        code: '18364029',
        name: 'Kunskapsbron Norrköping',
        municipality: '0581',
        types: [withYears('GR', 1, 9)],
        status: 'Expired',
      },
      {
        code: '63920174',
        name: 'Kunskapsbron gymnasium',
        municipality: '0581',
        types: [GY_YEARS],
        status: 'Expired',
      },
      {
        code: '40587213',
        name: 'Kunskapsbron Linköping',
        municipality: '0580',
        types: [withYears('GR', 4, 9)],
        status: 'Expired',
      },
    ],
  },
];
