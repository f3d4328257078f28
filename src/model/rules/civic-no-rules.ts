// Rules on a Person's civicNo: strict form, real date, Luhn check digit, Swedish origin, population register.
import { type CivicNumberError, parseCivicNumber } from '../civic-number.js';
import { type ItemRule, reportFinding } from '../rule.js';
import type { Person } from '../schemas/person.js';

const SOURCE = 'spec Person.civicNo.value description; dnp-facts §3';

function civicNoErrorRule(
  code: number,
  error: CivicNumberError,
  messageType: string,
  message: string,
  name: string,
): ItemRule<Person> {
  const rule: ItemRule<Person> = {
    code,
    name,
    resource: 'persons',
    severity: 'Error',
    statusCode: 400,
    messageType,
    message,
    attributeName: 'civicNo.value',
    source: SOURCE,
    check: (person) => {
      const parsed = parseCivicNumber(person.civicNo.value);
      return !parsed.ok && parsed.error === error
        ? [reportFinding(rule, { attributeValue: person.civicNo.value, detail: parsed.reason })]
        : [];
    },
  };
  return rule;
}

export const civicNoFormat = civicNoErrorRule(
  3120,
  'format',
  'Ogiltigt format',
  'Ogiltigt format på <{attribute}>. Personnummer och samordningsnummer ska anges med 12 siffror utan separatorer, tillfälligt personnummer enligt standarden ÅÅÅÅMMDDTFxx.',
  'person.civic-no.format',
);

export const civicNoDate = civicNoErrorRule(
  3121,
  'date',
  'Ogiltigt värde',
  'Ogiltigt värde på <{attribute}>. Födelsedatumet är inte ett giltigt datum. För samordningsnummer ska födelsedagen adderas med talet 60.',
  'person.civic-no.date',
);

export const civicNoCheckDigit = civicNoErrorRule(
  3122,
  'checksum',
  'Ogiltigt värde',
  'Ogiltigt värde på <{attribute}>. Kontrollsiffran stämmer inte.',
  'person.civic-no.check-digit',
);

export const civicNoNationality: ItemRule<Person> = {
  code: 3123,
  name: 'person.civic-no.nationality',
  resource: 'persons',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message:
    'För närvarande tillåts endast svenskt personnummer, samordningsnummer eller tillfälligt personnummer. Värdet för <{attribute}> ska vara SE.',
  attributeName: 'civicNo.nationality',
  source: 'spec tag Person; Person.civicNo.nationality description; dnp-facts §3',
  interpretation: 'A missing nationality means the default, SE.',
  check: (person) =>
    person.civicNo.nationality === undefined || person.civicNo.nationality === 'SE'
      ? []
      : [reportFinding(civicNoNationality, { attributeValue: person.civicNo.nationality })],
};

export const civicNoNotInPopulationRegister: ItemRule<Person> = {
  code: 3124,
  name: 'person.civic-no.not-in-population-register',
  resource: 'persons',
  severity: 'Warning',
  statusCode: 400,
  messageType: 'Bristfälligt värde',
  message:
    'Personnumret finns inte i folkbokföringen. Ansvariga för skyddade personuppgifter hos huvudmannen får information via Administration provtjänsten om att ändra personnumret inom 10 dagar. Om personnumret inte ändras inom 10 dagar kommer personuppgiften tas bort från provtjänsten.',
  attributeName: 'civicNo.value',
  source: 'seed 003 (changelog v1.3); dnp-facts §3',
  interpretation:
    'Skolverket tells the huvudman through Administration provtjänsten, not in the answer; the mock says it as a Warning, and only when a population register is configured. Tillfälliga personnummer are not in the register and are not checked.',
  check: (person, ctx) => {
    const register = ctx.populationRegister;
    if (!register) return [];
    const parsed = parseCivicNumber(person.civicNo.value);
    if (!parsed.ok || parsed.kind === 'tillfalligt' || register.has(person.civicNo.value)) return [];
    return [reportFinding(civicNoNotInPopulationRegister, { attributeValue: person.civicNo.value })];
  },
};

export const CIVIC_NO_RULES: readonly ItemRule<Person>[] = [
  civicNoFormat,
  civicNoDate,
  civicNoCheckDigit,
  civicNoNationality,
  civicNoNotInPopulationRegister,
];
