import type { MemberRecord, UnitRecord } from '../transfer/formats.ts';
import type { CsvItem } from '../transfer/read-csv.ts';
import { personName, placeName, seededRandom } from './names.ts';

export interface DemoShape {
  /** Level keys, top first; the last is the cell level. */
  levels: string[];
  /** How many units at each level below the root, top first; the last is the cell count. */
  counts: number[];
  members: number;
  seed: number;
}

/** Spreads `cells` over the levels in equal ratios: 24 cells over 4 levels → 3, 8, 24. */
export function defaultShape(levels: string[], cells: number, members: number, seed: number): DemoShape {
  const below = levels.length - 1;
  const counts = Array.from({ length: below }, (_, i) => Math.max(1, Math.round(cells ** ((i + 1) / below))));
  counts[below - 1] = cells;
  for (let i = 1; i < below; i++) counts[i] = Math.max(counts[i]!, counts[i - 1]!);
  return { levels, counts, members, seed };
}

const code = (level: string, index: number) => `${level}-${index}`;

/** The units of a deterministic synthetic organization, parents before children. */
export async function* demoUnits(shape: DemoShape): AsyncGenerator<CsvItem<UnitRecord>> {
  const random = seededRandom(shape.seed);
  let line = 1;
  yield { record: { line: ++line, code: code(shape.levels[0]!, 0), name: 'Central Committee', level: shape.levels[0]!, parent_code: '' } };
  let parentCount = 1;
  for (let depth = 1; depth < shape.levels.length; depth++) {
    const level = shape.levels[depth]!;
    const parentLevel = shape.levels[depth - 1]!;
    const count = shape.counts[depth - 1]!;
    for (let i = 0; i < count; i++) {
      // Unit i of this level goes to parent floor(i * parents / count): even fan-out.
      const parent = Math.floor((i * parentCount) / count);
      const name = `${placeName(random)} ${level === shape.levels.at(-1) ? `cell ${i + 1}` : level.replaceAll('-', ' ')}`;
      yield { record: { line: ++line, code: code(level, i), name, level, parent_code: code(parentLevel, parent) } };
    }
    parentCount = count;
  }
}

/** The members, spread round-robin over the cells; some with e-mail or phone. */
export async function* demoMembers(shape: DemoShape): AsyncGenerator<CsvItem<MemberRecord>> {
  const random = seededRandom(shape.seed + 1);
  const cells = shape.counts.at(-1)!;
  const cellLevel = shape.levels.at(-1)!;
  for (let j = 0; j < shape.members; j++) {
    const name = personName(random);
    const roll = random();
    yield {
      record: {
        line: j + 2,
        // A member code as an organization's own records would carry, so that
        // loading the demo's CSV again updates instead of duplicating.
        member_code: `M${String(j + 1).padStart(8, '0')}`,
        name,
        cell_code: code(cellLevel, j % cells),
        email: roll < 0.5 ? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${j}@example.org` : '',
        phone: roll > 0.7 ? `+1 555 ${String(j % 10_000_000).padStart(7, '0')}` : '',
      },
    };
  }
}
