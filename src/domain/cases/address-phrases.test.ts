import { expect, it } from 'vitest';
import { addressPhrases } from './route-case.ts';

it('lists the runs of whole words of an address, lower-cased, keeping what lies between them', () => {
  const phrases = addressPhrases('12 St. John Street, OLD MILL');
  expect(phrases).toContain('st. john');
  expect(phrases).toContain('old mill');
  expect(phrases).toContain('street, old mill');
  expect(phrases).toContain('12');
  // Whole words only: a locality "mil" is not named by "Mill".
  expect(phrases).not.toContain('mil');
  expect(addressPhrases('')).toEqual([]);
  expect(addressPhrases('한강 마을 3')).toContain('한강 마을');
  // At most six words to a phrase.
  expect(addressPhrases('a b c d e f g').some((p) => p === 'a b c d e f g')).toBe(false);
});
