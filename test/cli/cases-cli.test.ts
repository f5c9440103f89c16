/** `mainstay categories import` and `mainstay cases escalate`, run as an operator runs them. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareBackend, runCli, type Backend } from '../process/harness.ts';

const HEADER = 'code,name,handling_level,public,low_acknowledge_hours,low_resolve_hours,normal_acknowledge_hours,normal_resolve_hours,'
  + 'urgent_acknowledge_hours,urgent_resolve_hours,life_threatening_acknowledge_hours,life_threatening_resolve_hours,name_ko';

describe('the casework commands', () => {
  let backend: Backend;
  const cli = (...args: string[]) => runCli([...args, '--data', backend.dataDir], backend.databaseUrl);
  beforeAll(async () => { backend = await prepareBackend(); });
  afterAll(async () => { await backend?.cleanup(); });

  it('imports categories all or nothing, naming the file, line and column of each bad row', async () => {
    const bad = join(backend.dataDir, '..', 'bad.csv');
    writeFileSync(bad, `${HEADER}\nwater,Water,cell,yes,48,240,24,120,4,48,1,6,물\nHousing!,Housing,district,maybe,48,240,24,120,4,48,1,6,\n`);
    const refused = await cli('categories', 'import', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad}:3: code:`);
    expect(refused.stderr).toContain(`${bad}:3: public: true or false`);
    expect(refused.stderr).not.toMatch(/\n\s+at /);

    const good = join(backend.dataDir, '..', 'good.csv');
    writeFileSync(good, `${HEADER}\nwater,Water,cell,yes,48,240,24,120,4,48,1,6,물\nhousing,Housing,district,no,72,720,48,480,8,96,1,12,\n`);
    const loaded = await cli('categories', 'import', good);
    expect(loaded.stdout, loaded.stderr).toContain('Imported 2 categories.');
    const again = await cli('categories', 'import', good);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${good}:2: code: A category with the code "water" exists.`);
  });

  it('escalates on demand, and --dry-run changes nothing', async () => {
    const dry = await cli('cases', 'escalate', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Would escalate 0 steps.');
  });
});
