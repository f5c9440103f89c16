import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DESKTOP, expectAccessible, expectNoSidewaysScroll, PHONE, startBrowserApp, type BrowserApp, NO_BROWSER } from './browser-app.ts';

// `npm run screenshots` sets this to docs/screenshots; otherwise nothing is written.
const SCREENSHOTS = process.env.MAINSTAY_SCREENSHOTS_DIR;

describe.skipIf(NO_BROWSER).each([
  ['desktop', DESKTOP],
  ['phone (360 px)', PHONE],
] as const)('every page on %s: axe finds no serious or critical violation, and nothing scrolls sideways', (label, viewport) => {
  let app: BrowserApp;
  let page: Page;
  const suffix = viewport === PHONE ? 'phone' : 'desktop';
  beforeAll(async () => {
    app = await startBrowserApp();
    if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => { await app?.close(); });

  const check = async (name: string) => {
    await expectAccessible(page, `${name} (${label})`);
    await expectNoSidewaysScroll(page);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}-${suffix}.png`), fullPage: viewport !== PHONE });
  };

  it('sign-in', async () => {
    page = await app.newPage(viewport);
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await check('sign-in');
  });

  it('tree: the root, a district, a cell', async () => {
    await app.signIn(page, app.actors.admin);
    await page.getByRole('heading', { level: 1, name: 'Centre' }).waitFor();
    await page.getByRole('region', { name: 'Subunits' }).getByRole('link').first().waitFor();
    await check('unit-root');
    await page.goto(`/units/${app.tree.districts[0]}`);
    await page.getByRole('region', { name: 'Members' }).getByRole('link').first().waitFor();
    await check('unit-district');
    await page.goto(`/units/${app.tree.cells[0]}`);
    await page.getByRole('region', { name: 'Members' }).getByRole('link').first().waitFor();
    await check('unit-cell');
  });

  it('search results open', async () => {
    await page.getByRole('combobox', { name: 'Search units and people' }).fill('Cell 0');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await check('search');
    await page.keyboard.press('Escape');
  });

  it('unit dialogs: move (with the subtree size) and appoint', async () => {
    await page.goto(`/units/${app.tree.districts[0]}`);
    await page.getByRole('button', { name: 'Move' }).click();
    await page.getByRole('dialog').getByText(/This moves the unit with everything under it: 2 units, 2 cells/).waitFor();
    await check('dialog-move');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Appoint' }).click();
    await page.getByRole('dialog').waitFor();
    await check('dialog-appoint');
    await page.keyboard.press('Escape');
  });

  it('person page and its transfer dialog', async () => {
    await page.goto(`/units/${app.tree.cells[0]}`);
    await page.getByRole('region', { name: 'Members' }).getByRole('link', { name: 'Person 0 0' }).click();
    await page.getByRole('heading', { level: 1, name: 'Person 0 0' }).waitFor();
    await page.getByRole('region', { name: 'History' }).getByRole('table').waitFor();
    await check('person');
    await page.getByRole('button', { name: 'Transfer' }).click();
    await page.getByRole('dialog').waitFor();
    await check('dialog-transfer');
    await page.keyboard.press('Escape');
  });

  it('audit, import and account pages', async () => {
    await page.getByRole('link', { name: 'Audit', exact: true }).click();
    await page.getByRole('status').getByText(/The chain verifies/).waitFor();
    await check('audit');
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await check('import');
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    await check('account');
  });

  it('in Korean too', async () => {
    await page.getByLabel('Language').selectOption('ko');
    await page.goto(`/units/${app.tree.districts[0]}`);
    await page.getByRole('region', { name: '구성원' }).getByRole('link').first().waitFor();
    await check('unit-district-ko');
    await page.context().close();
  });
});
