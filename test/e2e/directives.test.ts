import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSecretary, type SeededActor } from '../actors.ts';
import { JPEG } from '../photos.ts';
import { expectAccessible, expectNoSidewaysScroll, NO_BROWSER, PHONE, startBrowserApp, type BrowserApp } from './browser-app.ts';

/** The cells of the row in the ranking table, top to bottom. */
const rankingOrder = (page: Page) => page.locator('table.ranking tbody th').allTextContents();

describe.skipIf(NO_BROWSER)('a directive from a region to its cells, in the browser', () => {
  let app: BrowserApp;
  /** The seeded actors have one cell secretary (cell 0.0.0); the second leads cell 0.0.1. */
  let secondSecretary: SeededActor;
  beforeAll(async () => {
    app = await startBrowserApp();
    secondSecretary = await seedSecretary(app.database, app.tree.cells[1]!, 'second-secretary@test.example', 'The second secretary');
  });
  afterAll(async () => { await app?.close(); });

  it('a region issues a directive with two items to all its cells; two cell secretaries acknowledge and report; the region sees the right percentages; a district drills to its laggards', async () => {
    // The region composes a draft: two items, to every cell.
    const region = await app.newPage();
    await app.signIn(region, app.actors.regionOfficial);
    await region.getByRole('heading', { level: 1, name: 'Region 0' }).waitFor();
    await region.getByRole('link', { name: 'Directives', exact: true }).click();
    await region.getByRole('button', { name: 'New directive' }).click();
    await region.getByLabel('Title', { exact: true }).fill('Harvest plan');
    await region.getByLabel('What is decided, and what each unit should do').fill('Every cell repairs its houses and clears its canal before the rains.');
    await region.getByLabel('Item 1: what to do').fill('Repair houses');
    await region.getByLabel('Item 1: due').fill('2030-06-01T12:00');
    await region.getByLabel('Item 1: target per unit (optional)').fill('10');
    await region.getByLabel('Item 1: what the figure counts (optional)').fill('houses');
    await region.getByRole('button', { name: 'Add an item' }).click();
    await region.getByLabel('Item 2: what to do').fill('Clear the canal');
    await region.getByLabel('Item 2: due').fill('2030-07-01T12:00');
    // Chosen subtrees come from the search box; this draft goes to a level instead.
    await region.getByLabel('Chosen units and everything below them').check();
    await region.getByRole('combobox', { name: 'Find a unit to add' }).fill('District 0.1');
    await region.getByRole('option', { name: /District 0\.1/ }).click();
    await region.getByRole('list', { name: 'Chosen units' }).getByRole('button', { name: 'Remove District 0.1' }).waitFor();
    await expectAccessible(region, 'compose form');
    await region.getByRole('button', { name: 'Remove District 0.1' }).click();
    await region.getByLabel('The units of one level').check();
    await region.getByLabel('Level', { exact: true }).selectOption('cell');
    await region.getByRole('button', { name: 'Save the draft' }).click();

    // The draft shows its reach; issuing is confirmed in a dialog.
    await region.getByRole('heading', { level: 1, name: 'Harvest plan' }).waitFor();
    const directiveUrl = new URL(region.url()).pathname;
    expect(directiveUrl).toMatch(/^\/directives\/[0-9a-f-]{36}$/);
    await region.getByText('This will reach 4 units.').waitFor();
    await expectAccessible(region, 'draft directive page');
    await region.getByRole('button', { name: 'Issue…' }).click();
    const issue = region.getByRole('dialog');
    await issue.getByText('It reaches 4 units at once.', { exact: false }).waitFor();
    await expectAccessible(region, 'issue dialog');
    await issue.getByRole('button', { name: 'Issue to 4 units' }).click();
    await issue.waitFor({ state: 'hidden' });
    await region.locator('.subtitle').getByText('Issued').waitFor();
    await region.getByRole('heading', { name: 'Progress in Region 0' }).waitFor();
    await region.getByText('0 % done (0 of 4)').waitFor();

    // Cell 0.0.0's secretary finds it unacknowledged in the inbox, acknowledges, reports on both items and is done.
    const first = await app.newPage();
    await app.signIn(first, app.actors.cellSecretary);
    await first.getByRole('link', { name: 'Assignments received' }).click();
    const entry = first.locator('.inbox li', { hasText: 'Harvest plan' });
    await entry.getByText('New — acknowledge').waitFor();
    await expectAccessible(first, 'inbox');
    await entry.getByRole('link', { name: 'Harvest plan' }).click();
    await first.getByRole('button', { name: 'Acknowledge' }).waitFor();
    await expectAccessible(first, 'assignment page');
    await first.getByRole('button', { name: 'Acknowledge' }).click();
    await first.locator('.subtitle').getByText('Acknowledged').waitFor();
    await first.getByLabel('Item 1: figure reached (target 10 houses)').fill('10');
    await first.getByLabel('Item 1: a few words').fill('All ten repaired.');
    // With a photo as evidence: listed with the report, a link to the image itself.
    await first.getByLabel('Item 1: photos or files (optional)').setInputFiles({ name: 'roof.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await first.getByText('roof.jpg').waitFor();
    await first.getByRole('button', { name: 'Send the report on item 1' }).click();
    await first.getByText('All ten repaired.', { exact: false }).waitFor();
    const evidence = first.locator('.reports').getByRole('link', { name: 'roof.jpg' });
    const served = await first.request.get((await evidence.getAttribute('href'))!);
    expect([served.status(), served.headers()['content-type']]).toEqual([200, 'image/jpeg']);
    // Done asks first, and not before every item has a report: the dialog names the one without.
    await first.getByRole('button', { name: 'Mark done' }).click();
    const finish = first.getByRole('dialog', { name: 'Mark the work done?' });
    await finish.getByText('Item 2: Clear the canal').waitFor();
    expect(await finish.getByRole('button', { name: 'Mark done' }).isDisabled()).toBe(true);
    await expectAccessible(first, 'mark done dialog, an item unreported');
    await finish.getByRole('button', { name: 'Cancel' }).click();
    await first.getByLabel('Item 2: percent done').fill('100');
    await first.getByRole('button', { name: 'Send the report on item 2' }).click();
    await first.locator('.subtitle').getByText('In progress').waitFor();
    await first.getByRole('button', { name: 'Mark done' }).click();
    await finish.getByLabel('What was done (the issuer reads this)').fill('Houses repaired, canal cleared.');
    await finish.getByRole('button', { name: 'Mark done' }).click();
    await first.locator('.subtitle').getByText('Done').waitFor();

    // Cell 0.0.1's secretary, on a phone: acknowledges, reports four houses, asks a question.
    const second = await app.newPage(PHONE);
    await app.signIn(second, secondSecretary);
    await second.getByRole('link', { name: 'Assignments received' }).click();
    await second.locator('.inbox li', { hasText: 'Harvest plan' }).getByText('New — acknowledge').waitFor();
    await expectAccessible(second, 'inbox (phone)');
    await expectNoSidewaysScroll(second);
    await second.getByRole('link', { name: 'Harvest plan' }).click();
    await second.getByRole('button', { name: 'Acknowledge' }).click();
    await second.locator('.subtitle').getByText('Acknowledged').waitFor();
    await second.getByLabel('Item 1: figure reached (target 10 houses)').fill('4');
    await second.getByLabel('Item 1: a few words').fill('Four so far.');
    await second.getByRole('button', { name: 'Send the report on item 1' }).click();
    await second.locator('.subtitle').getByText('In progress').waitFor();
    await second.getByLabel('Ask the issuing unit a question').fill('Do sheds count as houses?');
    await second.getByRole('button', { name: 'Ask', exact: true }).click();
    await second.getByText('Do sheds count as houses?').waitFor();
    await expectAccessible(second, 'assignment page (phone)');
    await expectNoSidewaysScroll(second);
    const assignmentUrl = new URL(second.url()).pathname;

    // The region's progress: one cell of four done; 14 of 40 houses; the district without reports ranks last.
    await region.goto(directiveUrl);
    await region.getByText('25 % done (1 of 4)').waitFor();
    const states = region.getByLabel('Assignments by state');
    expect(await states.locator('div', { hasText: /^Done/ }).locator('dd').textContent()).toBe('1');
    expect(await states.locator('div', { hasText: /^In progress/ }).locator('dd').textContent()).toBe('1');
    expect(await states.locator('div', { hasText: /^Received/ }).locator('dd').textContent()).toBe('2');
    const houses = region.getByRole('row', { name: /Repair houses/ });
    expect(await houses.locator('td').allTextContents()).toEqual(['2 of 4', '14 of 40', '0 %']);
    const canal = region.getByRole('row', { name: /Clear the canal/ });
    expect(await canal.locator('td').allTextContents()).toEqual(['1 of 4', '0', '25 %']);
    const tree = region.getByRole('list', { name: 'Units below' });
    expect(await tree.locator('li', { hasText: 'District 0.0' }).textContent()).toContain('50 % · 1 of 2 done');
    expect(await tree.locator('li', { hasText: 'District 0.1' }).textContent()).toContain('0 % · 0 of 2 done');
    expect(await tree.getByRole('meter', { name: 'Done in District 0.0' }).getAttribute('value')).toBe('50');
    expect(await rankingOrder(region)).toEqual(['District 0.1', 'District 0.0']);
    await region.getByLabel('Show laggards first').uncheck();
    expect(await rankingOrder(region)).toEqual(['District 0.0', 'District 0.1']);
    await region.locator('canvas[role="img"]').waitFor();
    await region.getByText('Show the figures as a table').click();
    expect(await region.locator('figure.chart tbody tr').last().locator('td').allTextContents()).toEqual(['1', '4', '25 %']);
    await expectAccessible(region, 'progress view');
    // The issuer answers the question once, for every receiver.
    await region.getByText('Do sheds count as houses?').waitFor();
    await region.getByLabel('Answer to question 1 (every receiving unit reads it)').fill('Yes: every roof counts.');
    await region.getByRole('button', { name: 'Answer', exact: true }).click();
    await region.getByText('Yes: every roof counts.').waitFor();

    // The region drills into District 0.0: the laggard cell first, a way back up.
    await tree.getByRole('link', { name: 'District 0.0' }).click();
    await region.getByRole('heading', { name: 'Progress in District 0.0' }).waitFor();
    expect(new URL(region.url()).search).toBe(`?unit=${app.tree.districts[0]}`);
    await region.getByText('50 % done (1 of 2)').waitFor();
    expect(await rankingOrder(region)).toEqual(['Cell 0.0.1', 'Cell 0.0.0']);
    await region.getByRole('navigation', { name: 'Drill-down path' }).getByRole('link', { name: 'Region 0' }).click();
    await region.getByRole('heading', { name: 'Progress in Region 0' }).waitFor();

    // The district's official reaches the directive from a cell's assignment and drills to its laggard.
    const district = await app.newPage(PHONE);
    await app.signIn(district, app.actors.districtOfficial);
    await district.goto(assignmentUrl);
    await district.getByRole('link', { name: 'The directive and its progress' }).click();
    await district.getByRole('heading', { name: 'Progress in District 0.0' }).waitFor();
    expect(await rankingOrder(district)).toEqual(['Cell 0.0.1', 'Cell 0.0.0']);
    expect(await district.getByRole('button', { name: 'Amend…' }).count()).toBe(0);
    await expectAccessible(district, 'progress view (phone)');
    await expectNoSidewaysScroll(district);
    await district.locator('table.ranking').getByRole('link', { name: 'Cell 0.0.1' }).click();
    await district.getByRole('heading', { name: 'Progress in Cell 0.0.1' }).waitFor();
    await district.getByText('0 % done (0 of 1)').waitFor();

    // The region amends with a note; the cell sees it amended, reads the change and the answer, acknowledges again.
    await region.getByRole('button', { name: 'Amend…' }).click();
    const amend = region.getByRole('dialog');
    await amend.getByLabel('Item 1: due').fill('2030-06-15T12:00');
    await amend.getByLabel('What changed and why (receivers read this)').fill('Two more weeks for the houses.');
    await expectAccessible(region, 'amend dialog');
    await amend.getByRole('button', { name: 'Amend', exact: true }).click();
    await amend.waitFor({ state: 'hidden' });
    await region.locator('.subtitle').getByText('version 2').waitFor();
    await region.getByRole('button', { name: 'Withdraw…' }).click();
    await region.getByRole('dialog').getByLabel('Why (receivers read this)').waitFor();
    await expectAccessible(region, 'withdraw dialog');
    await region.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await second.goto(`/units/${app.tree.cells[1]}/assignments`);
    await second.locator('.inbox li', { hasText: 'Harvest plan' }).getByText('Amended — acknowledge again').waitFor();
    await second.getByRole('link', { name: 'Harvest plan' }).click();
    await second.getByText('The directive was amended (version 2)', { exact: false }).waitFor();
    await second.getByText('Two more weeks for the houses.').waitFor();
    await second.getByText('Yes: every roof counts.').waitFor();
    await second.getByRole('button', { name: 'Acknowledge' }).click();
    await second.getByRole('button', { name: 'Acknowledge' }).waitFor({ state: 'detached' });
    await second.locator('.subtitle').getByText('In progress').waitFor();

    // The compose form and the directive page fit a phone too.
    const phone = await app.newPage(PHONE);
    await app.signIn(phone, app.actors.regionOfficial);
    await phone.goto(`/units/${app.tree.regions[0]}/directives`);
    await phone.getByRole('link', { name: 'Harvest plan' }).waitFor();
    await phone.getByRole('button', { name: 'New directive' }).click();
    await phone.getByRole('button', { name: 'Add an item' }).click();
    await phone.getByLabel('Chosen units and everything below them').check();
    await expectAccessible(phone, 'compose form (phone)');
    await expectNoSidewaysScroll(phone);
    await phone.goto(directiveUrl);
    await phone.getByText('25 % done (1 of 4)').waitFor();
    await expectAccessible(phone, 'directive page (phone)');
    await expectNoSidewaysScroll(phone);
  }, 300_000);
});
