import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp, NO_BROWSER } from './browser-app.ts';

describe.skipIf(NO_BROWSER)('a district official in the browser', () => {
  let app: BrowserApp;
  beforeAll(async () => { app = await startBrowserApp(); });
  afterAll(async () => { await app?.close(); });

  it('drills down to a cell, finds a person by search, transfers them and sees the history', async () => {
    const page = await app.newPage();
    await app.signIn(page, app.actors.districtOfficial);

    // Home is the top of their scope: their district, with the levels above as plain names.
    await expect.poll(() => page.url()).toContain(`/units/${app.tree.districts[0]}`);
    await page.getByRole('heading', { level: 1, name: 'District 0.0' }).waitFor();
    const crumbs = page.getByRole('navigation', { name: 'Where this unit sits' });
    await expect.poll(() => crumbs.textContent()).toContain('Region 0');
    expect(await crumbs.getByRole('link').count()).toBe(0);
    const counts = page.getByLabel('Counts');
    expect(await counts.textContent()).toMatch(/Cells\s*2/);

    // Drill down to a cell through the subunit table.
    const subunits = page.getByRole('region', { name: 'Subunits' });
    await subunits.getByRole('link', { name: 'Cell 0.0.0' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cell 0.0.0' }).waitFor();
    await page.getByRole('region', { name: 'Members' }).getByRole('link', { name: 'Person 0 1' }).waitFor();
    // The district is now a link in the breadcrumbs; the region still is not.
    expect(await crumbs.getByRole('link', { name: 'District 0.0' }).count()).toBe(1);
    expect(await crumbs.getByRole('link', { name: 'Region 0' }).count()).toBe(0);

    // Find the person from the header search, with the keyboard.
    const search = page.getByRole('combobox', { name: 'Search units and people' });
    await search.fill('person 0 1');
    await page.getByRole('option', { name: /Person 0 1/ }).waitFor();
    await search.press('ArrowDown');
    await search.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Person 0 1' }).waitFor();
    expect(page.url()).toMatch(/\/people\/[0-9a-f-]{36}$/);

    // Transfer them to the sibling cell through the cell picker.
    await page.getByRole('button', { name: 'Transfer' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Find the new cell' }).fill('Cell 0.0.1');
    await dialog.getByRole('option', { name: /Cell 0\.0\.1/ }).click();
    await dialog.getByRole('button', { name: 'Transfer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('.subtitle').textContent()).toContain('Cell 0.0.1');

    // The history shows the ended membership and the current one.
    const history = page.getByRole('region', { name: 'History' }).getByRole('row');
    await expect.poll(() => history.count()).toBe(3); // header + two memberships
    const rows = await history.allTextContents();
    expect(rows.some((r) => r.includes('Cell 0.0.0') && !r.includes('now'))).toBe(true);
    expect(rows.some((r) => r.includes('Cell 0.0.1') && r.includes('now'))).toBe(true);

    // And the audit trail of the person records the transfer.
    await page.getByRole('link', { name: 'Audit trail of this person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail: Person 0 1' }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Events' }).textContent()).toContain('transferred Person 0 1 from Cell 0.0.0 to Cell 0.0.1');
    await page.context().close();
  });

  it('sees the members of a cell page by page and filters them by name', async () => {
    const page = await app.newPage();
    await app.signIn(page, app.actors.districtOfficial);
    await page.goto(`/units/${app.tree.districts[0]}`);
    const members = page.getByRole('region', { name: 'Members' });
    await members.getByRole('link').first().waitFor();
    // Every member of both cells of the district (3 each, plus the people seeded as officials).
    expect(await members.getByRole('link').count()).toBeGreaterThanOrEqual(6);
    await members.getByLabel('Find a member by name').fill('Person 1');
    await expect.poll(async () => (await members.getByRole('link').allTextContents()).sort()).toEqual(['Person 1 0', 'Person 1 1', 'Person 1 2']);
    await members.getByLabel('Find a member by name').fill('nobody by that name');
    await members.getByText('No member matches.').waitFor();
    await page.context().close();
  });
});
