import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, transact, type Ctx } from '../../src/domain/context.ts';
import { createCategory } from '../../src/domain/cases/categories.ts';
import { createCase } from '../../src/domain/cases/create-case.ts';
import { createDirective } from '../../src/domain/directives/create-directive.ts';
import { issueDirective } from '../../src/domain/directives/issue-directive.ts';
import { createGathering } from '../../src/domain/gatherings/create-gathering.ts';
import { sendInvitations } from '../../src/domain/gatherings/send-invitations.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { DESKTOP, expectAccessible, expectNoSidewaysScroll, NO_BROWSER, PHONE, startBrowserApp, type BrowserApp } from './browser-app.ts';

// `npm run screenshots` sets this to docs/screenshots; otherwise nothing is written.
const SCREENSHOTS = process.env.MAINSTAY_SCREENSHOTS_DIR;
const screenshot = async (page: Page, name: string, options: { fullPage?: boolean } = {}) => {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: options.fullPage ?? false });
};

const DAY = 86_400_000;
const deadlines = Object.fromEntries(['low', 'normal', 'urgent', 'life_threatening'].map((u) => [u, { acknowledgeHours: 4, resolveHours: 48 }])) as never;

describe.skipIf(NO_BROWSER)('Today in the browser', () => {
  let app: BrowserApp;
  const system = <T>(fn: (ctx: Ctx) => Promise<T>) => transact(app.database, systemActor('test'), systemClock, fn);
  let meetingId: string;
  beforeAll(async () => {
    app = await startBrowserApp();
    const [cell, district] = [app.tree.cells[0]!, app.tree.districts[0]!];
    // An urgent case in cell 0's queue, a directive from district 0, and the cell's meeting in two days.
    await system((ctx) => createCategory(ctx, { code: 'water', name: 'Water', handlingLevel: 'cell', public: true, deadlines }));
    await system((ctx) => createCase(ctx, { categoryCode: 'water', description: 'No water at the school', urgency: 'urgent', receivedByUnitId: cell }, 'official'));
    const { id } = await system((ctx) => createDirective(ctx, {
      issuerUnitId: district, title: 'Count the wells', body: 'Every cell counts its wells.', items: [{ title: 'Count', dueAt: new Date(Date.now() + 5 * DAY).toISOString() }], target: { kind: 'all' },
    }));
    await system((ctx) => issueDirective(ctx, id));
    const starts = new Date(Date.now() + 2 * DAY);
    meetingId = (await system((ctx) => createGathering(ctx, {
      kind: 'meeting', conveningUnitId: cell, title: 'Monthly meeting', startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 2 * 3_600_000).toISOString(),
      place: 'The hall', invitees: { rule: 'unit-members', unitId: cell },
    }))).id;
    await system((ctx) => sendInvitations(ctx, meetingId));
  });
  afterAll(async () => { await app?.close(); });

  it('a cell secretary on a phone lands on Today, sees the urgent case, the directive and the next meeting, and acts on each from there', async () => {
    const page = await app.newPage(PHONE);
    await app.signIn(page, app.actors.cellSecretary, 'today');
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    const line = (kind: string, title: string | RegExp) => page.locator('.today-item', { hasText: kind }).filter({ hasText: title });
    const urgentCase = line('Acknowledge the case', /Water/);
    const directive = line('Acknowledge the directive', 'Count the wells');
    const meeting = line('Coming up', 'Monthly meeting');
    for (const l of [urgentCase, directive, meeting]) await l.waitFor();
    await urgentCase.getByText('Urgent').waitFor();
    await meeting.getByText('Not answered yet').waitFor();
    // The work starts in the first screen: the three lines are within 740 px, above the bottom bar.
    const bar = await page.getByRole('navigation', { name: 'Your work' }).boundingBox();
    expect(bar!.y + bar!.height).toBeLessThanOrEqual(740);
    for (const l of [urgentCase, directive, meeting]) expect((await l.boundingBox())!.y + 20).toBeLessThan(bar!.y);
    for (const name of ['Today', 'Cases', 'Directives', 'Meetings', 'Members']) await page.getByRole('navigation', { name: 'Your work' }).getByRole('link', { name, exact: true }).waitFor();
    await expectAccessible(page, 'today (phone)');
    await screenshot(page, 'today-phone');
    await expectNoSidewaysScroll(page);

    // The case: acknowledged from its page, and gone from Today.
    await urgentCase.getByRole('link').click();
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.locator('.subtitle').getByText('Acknowledged').waitFor();
    await page.getByRole('navigation', { name: 'Your work' }).getByRole('link', { name: 'Today' }).click();
    await directive.waitFor();
    expect(await urgentCase.count()).toBe(0);

    // The directive: acknowledged from its assignment page.
    await directive.getByRole('link').click();
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.locator('.subtitle').getByText('Acknowledged').waitFor();
    await page.getByRole('navigation', { name: 'Your work' }).getByRole('link', { name: 'Today' }).click();
    await meeting.waitFor();
    expect(await directive.count()).toBe(0);
    // Due in five days, it stays on Today as a directive due.
    await line('Directive due', 'Count the wells').waitFor();

    // The meeting opens on its page.
    await meeting.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Monthly meeting' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/gatherings/${meetingId}`);
    await page.context().close();
  });

  it('a district official at a desk sees the cells below that need them, each count opening a list', async () => {
    const page = await app.newPage(DESKTOP);
    await app.signIn(page, app.actors.districtOfficial, 'today');
    const below = page.getByRole('region', { name: 'The cells below District 0.0' });
    await below.getByRole('link', { name: '2 cells have not met in their cadence, or never' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Your work' }).isVisible()).toBe(false);
    await expectAccessible(page, 'today (desk)');
    await screenshot(page, 'today-district-desktop', { fullPage: true });
    await below.getByRole('link', { name: '2 cells have not met in their cadence, or never' }).click();
    expect(new URL(page.url()).pathname).toBe(`/units/${app.tree.districts[0]}/meetings`);
    await page.context().close();
  });

  it('a member sees their cell\'s next meeting, in Korean too, without sideways scrolling', async () => {
    const page = await app.newPage(PHONE, 'ko-KR');
    await page.goto('/');
    await page.getByLabel('이메일').fill(app.actors.member.email);
    await page.getByLabel('비밀번호').fill(app.actors.member.password);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.getByRole('heading', { level: 1, name: '오늘' }).waitFor();
    await page.locator('.today-item', { hasText: 'Monthly meeting' }).getByText('다가오는 모임').waitFor();
    expect(await page.getByRole('navigation', { name: '내 업무' }).getByRole('link').allTextContents()).toEqual(['오늘', '모임', '구성원']);
    await expectAccessible(page, 'today (phone, Korean)');
    await screenshot(page, 'today-member-ko-phone');
    await expectNoSidewaysScroll(page);
    await page.context().close();
  });
});
