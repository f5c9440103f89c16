import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp, NO_BROWSER } from './browser-app.ts';

describe.skipIf(NO_BROWSER)('scope, sessions and languages in the browser', () => {
  let app: BrowserApp;
  beforeAll(async () => { app = await startBrowserApp(); });
  afterAll(async () => { await app?.close(); });

  it("a cell secretary sees their cell, and another district's units are neither listed nor reachable", async () => {
    const page = await app.newPage();
    await app.signIn(page, app.actors.cellSecretary);
    await page.getByRole('heading', { level: 1, name: 'Cell 0.0.0' }).waitFor();
    expect(page.url()).toContain(`/units/${app.tree.cells[0]}`);
    // Nothing above the cell is a link.
    expect(await page.getByRole('navigation', { name: 'Where this unit sits' }).getByRole('link').count()).toBe(0);

    // Search finds their own members but nothing from elsewhere.
    const search = page.getByRole('combobox', { name: 'Search units and people' });
    await search.fill('Person 0');
    await page.getByRole('option', { name: /Person 0 0/ }).waitFor();
    await search.fill('Person 4');
    await page.getByRole('listbox').getByText('Nothing matches.').waitFor();
    await search.fill('District 1.0');
    await page.getByRole('listbox').getByText('Nothing matches.').waitFor();

    // Typing another district's unit or member address shows "not found", like a missing one.
    for (const url of [`/units/${app.tree.districts[2]}`, `/units/${app.tree.cells[4]}`, `/units/${app.tree.regions[1]}`]) {
      await page.goto(url);
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toMatch(/no unit|not found|does not exist/i);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Unit');
    }
    // Even the parent district is out of a cell secretary's reach.
    await page.goto(`/units/${app.tree.districts[0]}`);
    await page.getByRole('alert').waitFor();
    await page.context().close();
  });

  it('switches to Korean, formats for the locale, and remembers the choice', async () => {
    const page = await app.newPage();
    await app.signIn(page, app.actors.regionOfficial);
    await page.getByRole('heading', { level: 1, name: 'Region 0' }).waitFor();
    await page.getByLabel('Language').selectOption('ko');
    await page.getByRole('button', { name: '로그아웃' }).waitFor();
    expect(await page.getByRole('region', { name: '하위 조직' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await page.reload();
    await page.getByRole('button', { name: '로그아웃' }).waitFor();
    await page.getByRole('link', { name: '계정' }).click();
    await page.getByRole('heading', { level: 1, name: '계정' }).waitFor();
    await page.getByRole('banner').getByLabel('언어').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    await page.context().close();
  });

  it('a session ended on the server sends the browser back to sign-in with a clear message', async () => {
    const page = await app.newPage();
    await app.signIn(page, app.actors.districtOfficial);
    const cell = page.getByRole('region', { name: 'Subunits' }).getByRole('link', { name: 'Cell 0.0.1' });
    await cell.waitFor();
    await sql`update sessions set revoked_at = now()`.execute(app.database.db);
    await cell.click();
    await page.getByText('Your session has ended. Sign in again to continue.').waitFor();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.context().close();
  });

  it('wrong passwords and a locked account get readable messages, never raw errors', async () => {
    const page = await app.newPage();
    await page.goto('/');
    await page.getByLabel('E-mail').fill(app.actors.member.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The e-mail or the password is wrong.').waitFor();

    await sql`insert into sign_in_failures (key, failures, first_at, last_at, locked_until)
      values (${`account:${app.actors.member.email}`}, 10, now(), now(), now() + interval '15 minutes')
      on conflict (key) do update set locked_until = excluded.locked_until`.execute(app.database.db);
    await page.getByLabel('Password').fill(app.actors.member.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText(/Too many failed sign-ins/).waitFor();
    expect(await alert.textContent()).not.toContain('{');
    await page.context().close();
  });

  it('changes the password and signs in with the new one', async () => {
    const page = await app.newPage();
    const member = app.actors.member;
    await sql`delete from sign_in_failures`.execute(app.database.db);
    await app.signIn(page, member);
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByLabel('Current password').fill(member.password);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('New password again').fill('different');
    await page.getByText('The two new passwords differ.').waitFor();
    const next = 'a brand new passphrase 42';
    await page.getByLabel('New password', { exact: true }).fill(next);
    await page.getByLabel('New password again').fill(next);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText(/Password changed/).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    await app.signIn(page, { ...member, password: next });
    await page.context().close();
  });
});
