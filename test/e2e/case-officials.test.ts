import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHash } from '../../src/domain/cases/api-keys.ts';
import { createCategory, URGENCIES } from '../../src/domain/cases/categories.ts';
import { createCase } from '../../src/domain/cases/create-case.ts';
import { createPerson } from '../../src/domain/people/create-person.ts';
import { appointOfficial } from '../../src/domain/people/officials.ts';
import type { Deadlines } from '../../src/db/schema-cases.ts';
import { run } from '../factories.ts';
import { DESKTOP, expectAccessible, expectNoSidewaysScroll, NO_BROWSER, PHONE, startBrowserApp, type BrowserApp } from './browser-app.ts';

/** The officials' casework pages — bulk assignment, merging, API keys, calendars — at a desk and on a phone. */
describe.skipIf(NO_BROWSER).each([
  ['desktop', DESKTOP],
  ['phone (360 px)', PHONE],
] as const)("officials' casework in the browser, on %s", (label, viewport) => {
  let app: BrowserApp;
  const cases: Array<{ id: string; reference: string }> = [];
  let deputy: string;
  const check = async (page: Page, what: string) => {
    await expectAccessible(page, `${what} (${label})`);
    await expectNoSidewaysScroll(page);
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    const deadlines = Object.fromEntries(URGENCIES.map((u) => [u, { acknowledgeHours: 24, resolveHours: 72 }])) as Deadlines;
    await run(app.database, (ctx) => createCategory(ctx, { code: 'water', name: 'Water supply', handlingLevel: 'cell', public: true, deadlines }));
    deputy = (await run(app.database, (ctx) => createPerson(ctx, { name: 'Dana Deputy', cellId: app.tree.cells[0]! }))).id;
    await run(app.database, (ctx) => appointOfficial(ctx, app.tree.cells[0]!, { personId: deputy, role: 'deputy' }));
    // Three cases waiting in cell 0's queue (nothing places them elsewhere).
    for (const description of ['The pump gives no water.', 'The well is dry.', 'Same pump, no water.']) {
      cases.push(await run(app.database, (ctx) => createCase(ctx, { categoryCode: 'water', description, urgency: 'normal', receivedByUnitId: app.tree.cells[0]! }, 'official')));
    }
  });
  afterAll(async () => { await app?.close(); });

  it('the secretary selects two cases in the queue and assigns them to the deputy, then finds them by assignee', async () => {
    const page = await app.newPage(viewport);
    await app.signIn(page, app.actors.cellSecretary);
    await page.goto(`/units/${app.tree.cells[0]}/cases`);
    await page.getByRole('link', { name: cases[0]!.reference }).waitFor();
    await check(page, 'case queue with selection boxes');
    await page.getByRole('checkbox', { name: `Select ${cases[0]!.reference}` }).check();
    await page.getByRole('checkbox', { name: `Select ${cases[1]!.reference}` }).check();
    await page.getByText('Selected: 2').waitFor();
    await page.getByLabel('Assign to').selectOption({ label: 'Dana Deputy · Deputy' });
    await check(page, 'case queue with the bulk action bar');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('Selected: 2').waitFor({ state: 'hidden' });
    // A table row at a desk, a card on a phone.
    await expect.poll(() => page.getByText('Dana Deputy', { exact: true }).count()).toBe(2);
    // On a phone the filters wait behind one button.
    if (viewport === PHONE) await page.getByRole('button', { name: 'Filters' }).click();
    const stored = await app.database.db.selectFrom('cases').select(['id', 'assignee_person_id']).where('id', 'in', cases.map((c) => c.id)).orderBy('id').execute();
    expect(new Map(stored.map((s) => [s.id, s.assignee_person_id]))).toEqual(new Map([[cases[0]!.id, deputy], [cases[1]!.id, deputy], [cases[2]!.id, null]]));

    await page.getByLabel('Assigned to').selectOption('none');
    await page.getByRole('link', { name: cases[2]!.reference }).waitFor();
    expect(await page.getByRole('link', { name: cases[0]!.reference }).count()).toBe(0);
    // Select all on the page, then unassign nothing-assigned cases: allowed, and nothing changes.
    await page.getByRole('checkbox', { name: 'Select every case on this page' }).check();
    await page.getByText('Selected: 1').waitFor();
    await page.getByRole('button', { name: 'Clear the selection' }).click();
    await page.getByText('Selected: 1').waitFor({ state: 'hidden' });
  });

  it('the secretary merges a duplicate into the case that is kept, from the case page', async () => {
    const page = await app.newPage(viewport);
    await app.signIn(page, app.actors.cellSecretary);
    await page.goto(`/cases/${cases[2]!.id}`);
    await page.getByRole('button', { name: 'Merge into…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('it closes as merged and points to the case you keep').waitFor();
    await dialog.getByLabel('The case to keep: its reference or id').fill(cases[0]!.reference.toLowerCase());
    await dialog.getByLabel('Why (goes into the timeline)').fill('The same pump as the first report.');
    await check(page, 'merge dialog');
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.subtitle').getByText('Merged into another case').waitFor();
    await page.getByText('The same pump as the first report.').waitFor();
    await page.getByRole('link', { name: 'the case that was kept' }).click();
    await page.getByRole('heading', { level: 1, name: `Case ${cases[0]!.reference}` }).waitFor();
    // The kept case shows and changes its assignee.
    expect(await page.locator('dl.details').textContent()).toContain('Dana Deputy');
    await check(page, 'case page with its assignee');
    const stored = await app.database.db.selectFrom('cases').select(['status', 'merged_into_id']).where('id', '=', cases[2]!.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'merged', merged_into_id: cases[0]!.id });
  });

  it('an administrator issues an API key, sees it once, and revokes it after confirming', async () => {
    const page = await app.newPage(viewport);
    await app.signIn(page, app.actors.admin);
    await page.goto(`/units/${app.tree.cells[0]}`);
    await page.getByRole('link', { name: 'API keys (Open311)' }).click();
    await page.getByText('No keys yet.').waitFor();
    await check(page, 'API keys page');
    await page.getByRole('button', { name: 'Issue a key' }).click();
    const issue = page.getByRole('dialog');
    await issue.getByLabel('Name').fill('City app');
    await check(page, 'issue an API key dialog');
    await issue.getByRole('button', { name: 'Issue a key' }).click();
    const shown = page.getByRole('dialog', { name: 'The new key “City app”' });
    await shown.getByText('This is the only time the key is shown.').waitFor();
    const key = await shown.getByLabel('Key').inputValue();
    expect(key).toMatch(/^ms311_/);
    await check(page, 'the new key, shown once');
    await shown.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByRole('rowheader', { name: 'City app' }).waitFor();
    expect(await page.content()).not.toContain(key);
    const row = await app.database.db.selectFrom('unit_api_keys').select(['unit_id', 'revoked_at']).where('key_hash', '=', apiKeyHash(key)).executeTakeFirstOrThrow();
    expect(row).toEqual({ unit_id: app.tree.cells[0], revoked_at: null });

    await page.getByRole('button', { name: 'Revoke the key City app' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke the key “City app”?' });
    await check(page, 'revoke an API key dialog');
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText(/^revoked /).waitFor();
    const revoked = await app.database.db.selectFrom('unit_api_keys').select('revoked_at').where('key_hash', '=', apiKeyHash(key)).executeTakeFirstOrThrow();
    expect(revoked.revoked_at).not.toBeNull();

    // Nobody but an administrator is offered the page.
    const secretary = await app.newPage(viewport);
    await app.signIn(secretary, app.actors.cellSecretary);
    await secretary.goto(`/units/${app.tree.cells[0]}`);
    await secretary.getByRole('link', { name: 'Working-time calendar' }).waitFor();
    expect(await secretary.getByRole('link', { name: 'API keys (Open311)' }).count()).toBe(0);
  });

  it("an administrator gives a district its own calendar, which its cells inherit, and removes it again", async () => {
    const page = await app.newPage(viewport);
    await app.signIn(page, app.actors.admin);
    await page.goto(`/units/${app.tree.districts[0]}`);
    await page.getByRole('link', { name: 'Working-time calendar' }).click();
    await page.getByText('No calendar is set here or above').waitFor();
    await check(page, 'calendar page (around the clock)');
    await page.getByRole('button', { name: 'Give this unit its own calendar' }).click();
    await page.getByLabel('Time zone').fill('Europe/Berlin');
    await page.getByLabel('Friday', { exact: true }).fill('08:00-12:00, 13:00-16:00');
    await page.getByRole('checkbox', { name: 'Rest day (Saturday)' }).uncheck();
    await page.getByLabel('Saturday', { exact: true }).fill('9:00-12:00');
    await page.getByRole('checkbox', { name: 'Rest day (Wednesday)' }).check();
    await page.getByRole('button', { name: 'Add a holiday' }).click();
    await page.getByLabel('Date').fill('2026-12-25');
    await page.getByLabel('Name of the holiday').fill('Christmas Day');
    await check(page, 'calendar editor');
    await page.getByRole('button', { name: 'Save the calendar' }).click();
    await page.getByText('The calendar is saved.').waitFor();
    await page.getByText('This unit has its own calendar.').waitFor();
    await page.getByRole('cell', { name: '08:00–12:00, 13:00–16:00' }).waitFor();
    await check(page, 'calendar page (own calendar)');
    const stored = await app.database.db.selectFrom('unit_calendars').select(['time_zone', 'week', 'holidays']).where('unit_id', '=', app.tree.districts[0]!).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      time_zone: 'Europe/Berlin',
      week: { mon: [['09:00', '18:00']], wed: [], fri: [['08:00', '12:00'], ['13:00', '16:00']], sat: [['09:00', '12:00']], sun: [] },
      holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
    });

    // A cell below inherits it, and its officials may not change it.
    const secretary = await app.newPage(viewport);
    await app.signIn(secretary, app.actors.cellSecretary);
    await secretary.goto(`/units/${app.tree.cells[0]}/calendar`);
    await secretary.getByRole('link', { name: 'District 0.0' }).waitFor();
    await secretary.getByText('The level above sets this unit’s calendar.').waitFor();
    expect(await secretary.getByRole('button', { name: /calendar/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'Remove this unit’s own calendar' }).click();
    const confirm = page.getByRole('dialog');
    await check(page, 'remove calendar dialog');
    await confirm.getByRole('button', { name: 'Remove this unit’s own calendar' }).click();
    await page.getByText('No calendar is set here or above').waitFor();
    expect(await app.database.db.selectFrom('unit_calendars').select('unit_id').where('unit_id', '=', app.tree.districts[0]!).execute()).toEqual([]);
  });
});
