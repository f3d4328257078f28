// The Swedish municipalities the seed places school units in: SCB kommunkod → name.

export const MUNICIPALITIES = {
  '0180': 'Stockholm',
  '0184': 'Solna',
  '0380': 'Uppsala',
  '0580': 'Linköping',
  '0581': 'Norrköping',
  '0780': 'Växjö',
  '1281': 'Lund',
  '1880': 'Örebro',
  '1980': 'Västerås',
  '2280': 'Härnösand',
  '2281': 'Sundsvall',
  '2480': 'Umeå',
  '2510': 'Jokkmokk',
  '2523': 'Gällivare',
  '2580': 'Luleå',
  '2584': 'Kiruna',
} as const;

export type MunicipalityCode = keyof typeof MUNICIPALITIES;
