// UUID v5 in the nil namespace reproduces the open-data spec's and dnp-facts §2's test vectors.
import { describe, expect, it } from 'vitest';
import { isUuid, NIL_UUID, uuidV5 } from '../../src/open-data/index.js';

describe('uuidV5', () => {
  it.each([
    ['organisationNumber', '5567044268', '657ae6a4-2978-5fbe-b357-ba353c0f03b5'],
    ['schoolUnitCode', '31279295', 'fb22448b-b724-5e53-8a2c-d8b339206901'],
    ['educationCode', 'EKJURV', 'f8bd4423-9693-51ed-a854-6e9984e6c2f7'],
    ['activity displayName', 'MATMAT01', '505c5ee0-7be4-560d-9c27-10ab0d96ac9a'],
  ])('maps %s %s to %s', (_kind, name, id) => {
    expect(uuidV5(name)).toBe(id);
    expect(uuidV5(name, NIL_UUID)).toBe(id);
  });

  it('matches RFC 4122 appendix-style vectors in the DNS namespace', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });

  it('sets version 5 and the RFC 4122 variant', () => {
    const id = uuidV5('GRGRMAT01-GR-6');
    expect(id[14]).toBe('5');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('hashes the name as UTF-8 (å, ä, ö)', () => {
    expect(uuidV5('Björkbackeskolan')).not.toBe(uuidV5('Bjorkbackeskolan'));
    expect(uuidV5('Björkbackeskolan')).toBe(uuidV5('Bjo\u0308rkbackeskolan'.normalize('NFC')));
  });

  it('rejects a namespace that is not a uuid with TypeError', () => {
    expect(() => uuidV5('x', 'nil')).toThrow(TypeError);
  });
});

describe('isUuid', () => {
  it('accepts both cases and rejects other shapes', () => {
    expect(isUuid('657AE6A4-2978-5FBE-B357-BA353C0F03B5')).toBe(true);
    expect(isUuid('657ae6a4-2978-5fbe-b357-ba353c0f03b')).toBe(false);
    expect(isUuid('657ae6a429785fbeb357ba353c0f03b5')).toBe(false);
    expect(isUuid('5567044268')).toBe(false);
  });
});
