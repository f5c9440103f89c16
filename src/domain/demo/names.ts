/**
 * Invented names for a synthetic organization: syllables combined by a seeded
 * generator, so no real place or person is named and the same seed gives the same
 * organization.
 */
export function seededRandom(seed: number): () => number {
  // mulberry32: small, fast and good enough for test data
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACE_START = ['Ar', 'Bel', 'Cor', 'Dun', 'El', 'Fal', 'Gar', 'Hal', 'Ist', 'Jor', 'Kel', 'Lun', 'Mor', 'Nor', 'Ost', 'Pel', 'Quar', 'Ros', 'Sal', 'Tor', 'Ul', 'Vel', 'Wen', 'Yar', 'Zan'];
const PLACE_MIDDLE = ['a', 'e', 'i', 'o', 'u', 'an', 'en', 'ir', 'or', 'ul'];
const PLACE_END = ['bury', 'dale', 'ford', 'gate', 'haven', 'holm', 'mere', 'moor', 'ridge', 'stead', 'vale', 'wick', 'field', 'brook'];
const GIVEN = ['Ada', 'Bora', 'Cael', 'Dana', 'Eryn', 'Fenn', 'Gala', 'Hira', 'Ilan', 'Jora', 'Kian', 'Lira', 'Mael', 'Nima', 'Oren', 'Pia', 'Quin', 'Rhea', 'Soren', 'Tova', 'Uma', 'Vian', 'Wren', 'Yara', 'Zeno'];
const FAMILY_START = ['Ash', 'Birch', 'Cold', 'Dark', 'East', 'Fair', 'Green', 'High', 'Iron', 'Long', 'North', 'Oak', 'Red', 'Stone', 'West', 'White'];
const FAMILY_END = ['well', 'wood', 'field', 'brook', 'hill', 'more', 'ton', 'by', 'ley', 'worth'];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

export function placeName(random: () => number): string {
  return pick(random, PLACE_START) + pick(random, PLACE_MIDDLE) + pick(random, PLACE_END);
}

export function personName(random: () => number): string {
  return `${pick(random, GIVEN)} ${pick(random, FAMILY_START)}${pick(random, FAMILY_END)}`;
}
