/** Same seed, same town: every start of an empty database tells the same stories. */
export const DEMO_SEED = 0x5eed_2026;

export type Random = () => number;

/** mulberry32: tiny, fast and good enough to vary demo data. */
export function seededRandom(seed = DEMO_SEED): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(random() * items.length)]!;
}

export function between(random: Random, min: number, max: number): number {
  return min + random() * (max - min);
}

export function intBetween(random: Random, min: number, max: number): number {
  return Math.floor(between(random, min, max + 1));
}

/** A few distinct items, in the order of the list. */
export function some<T>(random: Random, items: readonly T[], min = 1): T[] {
  const chosen = items.filter(() => random() < 0.5);
  for (const item of items) if (chosen.length < min && !chosen.includes(item)) chosen.push(item);
  return items.filter((i) => chosen.includes(i));
}
