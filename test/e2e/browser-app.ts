import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { buildServer } from '../../src/http/server.ts';
import { systemClock, type Clock } from '../../src/platform/clock.ts';
import { seedActors, type SeededActor, type Role } from '../actors.ts';
import { addMembers, buildSmallTree, type SmallTree } from '../factories.ts';
import { openTestDatabase } from '../test-database.ts';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * A fresh machine may not have Debian's Chromium yet: then the browser tests are
 * skipped with the reason printed, so `npm test` still runs everything else.
 * `.ci/run` installs Chromium and sets MAINSTAY_REQUIRE_BROWSER=1, so CI never skips them.
 */
export const NO_BROWSER = !existsSync(CHROMIUM) && process.env.MAINSTAY_REQUIRE_BROWSER !== '1';
if (NO_BROWSER) console.warn(`Skipping the browser tests: ${CHROMIUM} is missing (install it with \`apt-get install chromium\`; .ci/run does).`);
/** Without the networking flags Chromium keeps reaching for Google's hosts, which this network refuses. */
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

export interface BrowserApp {
  database: Database;
  tree: SmallTree;
  actors: Record<Role, SeededActor>;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies and storage) at this viewport. */
  newPage(viewport?: { width: number; height: number }, locale?: string): Promise<Page>;
  /** Signs in; then goes to the person's unit as the app did before Today, unless `landing` is 'today'. */
  signIn(page: Page, actor: SeededActor, landing?: 'unit' | 'today'): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real server (API and built web app) on a loopback port over a test database
 * holding the small tree (2 regions × 2 districts × 2 cells, named members in every
 * cell) and one signed-up person per role, driven by Debian's Chromium.
 */
export async function startBrowserApp(clock: Clock = systemClock): Promise<BrowserApp> {
  const database = await openTestDatabase();
  const tree = await buildSmallTree(database);
  for (const [index, cell] of tree.cells.entries()) await addMembers(database, cell, 3, `Person ${index}`);
  const actors = await seedActors(database, tree);
  const app = await buildServer({ database, clock, webRoot: inject('webRoot') });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    database, tree, actors, baseUrl: address, browser,
    async newPage(viewport = DESKTOP, locale = 'en-US') {
      const context = await browser.newContext({ viewport, locale, baseURL: address });
      // Every step takes well under a second on an idle machine; a failure should still say so quickly.
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      page.on('pageerror', (error) => { throw error; });
      return page;
    },
    async signIn(page, actor, landing = 'unit') {
      await page.goto('/');
      await page.getByLabel('E-mail').fill(actor.email);
      await page.getByLabel('Password').fill(actor.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      // Everyone lands on Today (issue 14); the scenarios written before it start where the
      // app used to land — the person's unit (or their list of units) — as before.
      if (landing === 'unit') await page.goto('/my-units');
    },
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** axe-core over the page as it is now: no serious or critical violation. */
export async function expectAccessible(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

/** The page fits the viewport: nothing scrolls sideways (the phone test). */
export async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}
