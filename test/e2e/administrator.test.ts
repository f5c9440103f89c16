import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp, NO_BROWSER } from './browser-app.ts';

describe.skipIf(NO_BROWSER)('an administrator in the browser', () => {
  let app: BrowserApp;
  let dir: string;
  beforeAll(async () => {
    app = await startBrowserApp();
    dir = mkdtempSync(join(tmpdir(), 'mainstay-e2e-import-'));
  });
  afterAll(async () => { await app?.close(); });

  it('imports CSV files: the validation report names line, column and reason; nothing is written until confirmed', async () => {
    const page = await app.newPage();
    await app.signIn(page, app.actors.admin);
    const units = join(dir, 'units.csv');
    const members = join(dir, 'members.csv');
    writeFileSync(units, 'code,name,level,parent_code\nNEW-D,New District,district,\nNEW-C1,New Cell One,cell,NEW-D\n');
    writeFileSync(members, 'name,cell_code,email,phone\nAda Newcomer,NEW-C1,ada@example.org,\nBad Email,NEW-C1,not-an-email,\n');

    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByLabel('Units file (units.csv)').setInputFiles(units);
    await page.getByLabel('Members file (members.csv)').setInputFiles(members);
    await page.getByRole('button', { name: 'Check the files' }).click();
    const report = page.getByRole('region', { name: 'Validation report' });
    await report.waitFor();
    // The district row has no parent code: a second root is refused; the member's e-mail is refused.
    const problems = await report.getByRole('row').allTextContents();
    expect(problems.some((row) => /Members\s*3\s*email/i.test(row))).toBe(true);
    expect(await page.getByRole('button', { name: 'Import now' }).count()).toBe(0);

    // Fix both files and check again: now it can be confirmed.
    const root = await app.database.db.selectFrom('units').select('code').where('id', '=', app.tree.root).executeTakeFirstOrThrow();
    let rootCode = root.code;
    if (!rootCode) {
      rootCode = 'ROOT';
      await app.database.db.updateTable('units').set({ code: rootCode }).where('id', '=', app.tree.root).execute();
    }
    // New files, as a person would save them: a file changed under an open <input> cannot be read again.
    const fixedUnits = join(dir, 'units-fixed.csv');
    const fixedMembers = join(dir, 'members-fixed.csv');
    writeFileSync(fixedUnits, `code,name,level,parent_code\nNEW-R,New Region,region,${rootCode}\nNEW-D,New District,district,NEW-R\nNEW-C1,New Cell One,cell,NEW-D\n`);
    writeFileSync(fixedMembers, 'name,cell_code,email,phone\nAda Newcomer,NEW-C1,ada@example.org,\nBo Newcomer,NEW-C1,,\n');
    await page.getByLabel('Units file (units.csv)').setInputFiles(fixedUnits);
    await page.getByLabel('Members file (members.csv)').setInputFiles(fixedMembers);
    await page.getByRole('button', { name: 'Check the files' }).click();
    await page.getByText('No problems found.').waitFor();
    const before = await app.database.db.selectFrom('people').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    await page.getByRole('button', { name: 'Import now' }).click();
    await page.getByText('Imported 3 units and 2 members.').waitFor();
    const after = await app.database.db.selectFrom('people').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(2);

    // The new cell is in the tree and found by search.
    await page.getByRole('combobox', { name: 'Search units and people' }).fill('New Cell');
    await page.getByRole('option', { name: /New Cell One/ }).click();
    await page.getByRole('heading', { level: 1, name: 'New Cell One' }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Members' }).getByRole('link').allTextContents()).toEqual(['Ada Newcomer', 'Bo Newcomer']);
    await page.context().close();
  });

  it('creates, renames, moves (seeing the subtree size) and closes a unit; appoints and ends an official', async () => {
    const page = await app.newPage();
    await app.signIn(page, app.actors.admin);
    await page.goto(`/units/${app.tree.districts[3]}`);
    await page.getByRole('heading', { level: 1, name: 'District 1.1' }).waitFor();

    await page.getByRole('button', { name: 'Add a subunit' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Riverside Cell');
    await dialog.getByLabel('Level').selectOption('cell');
    await dialog.getByRole('button', { name: 'Add a subunit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Riverside Cell' }).waitFor();

    await page.getByRole('button', { name: 'Rename' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('New name').fill('Riverside North Cell');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('heading', { level: 1, name: 'Riverside North Cell' }).waitFor();

    // Appoint a member of another cell, then end the term.
    await page.getByRole('button', { name: 'Appoint' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Find the person' }).fill('Person 7 2');
    await dialog.getByRole('option', { name: /Person 7 2/ }).click();
    await dialog.getByLabel('Role').selectOption('deputy');
    await dialog.getByRole('button', { name: 'Appoint' }).click();
    const officials = page.getByRole('region', { name: 'Officials' });
    await officials.getByRole('link', { name: 'Person 7 2' }).waitFor();
    expect(await officials.textContent()).toContain('Deputy');
    await officials.getByRole('button', { name: 'End the term of Person 7 2' }).click();
    await officials.getByText('No officials yet.').waitFor();

    // Move it under District 0.0: the dialog states what moves.
    await page.getByRole('button', { name: 'Move' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByText('This moves the unit with everything under it: 0 units, 1 cells and 0 members.').waitFor();
    await dialog.getByRole('combobox', { name: 'Find the new parent unit' }).fill('District 0.0');
    await dialog.getByRole('option', { name: /District 0\.0/ }).click();
    await dialog.getByRole('button', { name: 'Move it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('navigation', { name: 'Where this unit sits' }).textContent()).toContain('District 0.0');

    // A bad move is refused with the server's message, and nothing changes.
    await page.getByRole('button', { name: 'Move' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Find the new parent unit' }).fill('Cell 1.0.0');
    await dialog.getByRole('option', { name: /Cell 1\.0\.0/ }).click();
    await dialog.getByRole('button', { name: 'Move it' }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).not.toMatch(/[{}]|stack|Error:/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close the unit' }).click();
    await page.getByText('closed', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Rename' }).count()).toBe(0);
    await page.context().close();
  });
});
