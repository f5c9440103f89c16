import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, transact } from '../../src/domain/context.ts';
import { markMissedMeetings, setCadence } from '../../src/domain/gatherings/cadence.ts';
import { createGathering } from '../../src/domain/gatherings/create-gathering.ts';
import { queueInvitationMail } from '../../src/domain/gatherings/invitation-mail.ts';
import { sendInvitations } from '../../src/domain/gatherings/send-invitations.ts';
import { fixedClock, systemClock } from '../../src/platform/clock.ts';
import { DESKTOP, expectAccessible, expectNoSidewaysScroll, NO_BROWSER, PHONE, startBrowserApp, type BrowserApp } from './browser-app.ts';

/** What a `datetime-local` input shows for an instant in this machine's time zone (the browser's too). */
const localInput = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const tomorrowAt = (hour: number) => {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(hour, 0, 0, 0);
  return d;
};

/** The three attendance buttons of one invitee's row. */
const mark = (page: Page, name: string, status: 'Present' | 'Excused' | 'Absent') =>
  page.getByRole('group', { name, exact: true }).getByRole('button', { name: status, exact: true });
/** A figure of the live attendance counts. */
const count = (page: Page, label: string) => page.getByLabel('Attendance so far').locator('div', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');

describe.skipIf(NO_BROWSER)('gatherings in the browser', () => {
  let app: BrowserApp;
  beforeAll(async () => { app = await startBrowserApp(); });
  afterAll(async () => { await app?.close(); });

  it('a cell secretary schedules a meeting on a phone, marks attendance, records a decision; a district official sees it in the district’s meeting statistics', async () => {
    const secretary = await app.newPage(PHONE);
    await app.signIn(secretary, app.actors.cellSecretary);
    await secretary.getByRole('heading', { level: 1, name: 'Cell 0.0.0' }).waitFor();
    await secretary.getByRole('link', { name: 'Gatherings', exact: true }).click();
    await secretary.getByRole('heading', { level: 1, name: 'Gatherings of Cell 0.0.0' }).waitFor();
    await secretary.getByText('Nothing scheduled.').waitFor();
    await secretary.getByRole('heading', { name: 'Regular meetings' }).waitFor();
    await expectAccessible(secretary, 'gatherings list (phone)');
    await expectNoSidewaysScroll(secretary);

    // The cell sets its rhythm: monthly.
    await secretary.getByLabel('Expected to meet every … days').fill('30');
    await secretary.getByRole('button', { name: 'Save the rhythm' }).click();
    await secretary.getByText('Meets every 30 days').waitFor();

    // The schedule form, on the phone.
    await secretary.getByRole('button', { name: 'Schedule a gathering' }).click();
    await secretary.getByRole('heading', { name: 'Schedule a gathering of Cell 0.0.0' }).waitFor();
    await expectAccessible(secretary, 'schedule form (phone)');
    await expectNoSidewaysScroll(secretary);
    const starts = tomorrowAt(18);
    await secretary.getByLabel('Title', { exact: true }).fill('Monthly meeting of the cell');
    await secretary.getByLabel('Starts', { exact: true }).fill(localInput(starts));
    // The end follows the start two hours later.
    expect(await secretary.getByLabel('Ends', { exact: true }).inputValue()).toBe(localInput(new Date(starts.getTime() + 2 * 3_600_000)));
    await secretary.getByLabel('Place (optional)').fill('Community hall');
    await secretary.getByLabel('Agenda (optional)').fill('Harvest\nRoads');
    await secretary.getByLabel('Members of Cell 0.0.0').check();
    await secretary.getByRole('button', { name: 'Schedule', exact: true }).click();

    await secretary.getByRole('heading', { level: 1, name: 'Monthly meeting of the cell' }).waitFor();
    const gatheringPath = new URL(secretary.url()).pathname;
    expect(gatheringPath).toMatch(/^\/gatherings\/[0-9a-f-]{36}$/);
    await secretary.getByText('Attendance is taken once the invitations are sent.').waitFor();

    // Sending is confirmed; it says how many were invited (the cell's five members).
    await secretary.getByRole('button', { name: 'Send invitations…' }).click();
    const dialog = secretary.getByRole('dialog');
    await dialog.getByText('Members of the unit').waitFor();
    await expectAccessible(secretary, 'send dialog (phone)');
    await dialog.getByRole('button', { name: 'Send the invitations' }).click();
    await secretary.getByRole('status').getByText('5 people invited.').waitFor();
    const code = (await secretary.locator('.big-code').textContent())!;
    expect(code).toMatch(/^\d{6}$/);

    // Tomorrow's meeting takes no attendance yet: the controls say when it opens (issue 14).
    await secretary.getByText('Attendance opens when the gathering starts').waitFor();
    expect(await mark(secretary, 'Person 0 0', 'Present').isDisabled()).toBe(true);
    await expectAccessible(secretary, 'attendance not open yet (phone)');
    // The hour comes: the meeting is moved to have begun an hour ago, as if the clock had reached it.
    const begun = new Date(Date.now() - 3_600_000);
    const gatheringId = gatheringPath.split('/')[2]!;
    await app.database.db.updateTable('gatherings').set({ starts_at: begun, ends_at: new Date(begun.getTime() + 2 * 3_600_000) }).where('id', '=', gatheringId).execute();
    await app.database.db.updateTable('gathering_sessions').set({ starts_at: begun, ends_at: new Date(begun.getTime() + 2 * 3_600_000) }).where('gathering_id', '=', gatheringId).execute();
    await secretary.reload();
    await secretary.getByRole('heading', { level: 1, name: 'Monthly meeting of the cell' }).waitFor();

    // Attendance: one tap per person, counted at once.
    await mark(secretary, 'Person 0 0', 'Present').click();
    await mark(secretary, 'Person 0 1', 'Present').click();
    await mark(secretary, 'Person 0 2', 'Excused').click();
    await mark(secretary, 'The member', 'Absent').click();
    await expect.poll(() => count(secretary, 'Present').textContent()).toBe('2');
    expect(await count(secretary, 'Excused').textContent()).toBe('1');
    expect(await count(secretary, 'Not marked').textContent()).toBe('1');
    expect(await count(secretary, 'Attendance rate').textContent()).toBe('40 %');
    expect(await mark(secretary, 'Person 0 0', 'Present').getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(secretary, 'gathering page with the attendance list (phone)');
    await expectNoSidewaysScroll(secretary);

    // A refused tap is rolled back, with a message.
    await secretary.route('**/attendance', (route) => route.fulfill({
      status: 409, contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'not_sent', message: 'Attendance is kept once the invitations are sent.', details: {} } }),
    }), { times: 1 });
    await mark(secretary, 'The member', 'Present').click();
    await secretary.getByRole('alert').getByText('The mark for The member was not saved and is undone').waitFor();
    expect(await mark(secretary, 'The member', 'Absent').getAttribute('aria-pressed')).toBe('true');
    expect(await mark(secretary, 'The member', 'Present').getAttribute('aria-pressed')).toBe('false');
    expect(await count(secretary, 'Present').textContent()).toBe('2');
    // A correction is one more tap.
    await mark(secretary, 'Person 0 1', 'Absent').click();
    await expect.poll(() => count(secretary, 'Present').textContent()).toBe('1');

    // Minutes of an agenda item, and a decision with its votes.
    await secretary.getByLabel('Minutes of item 1: Harvest').fill('The harvest is two weeks late; the cell helps the elderly first.');
    await secretary.getByRole('button', { name: 'Save the minutes of item 1' }).click();
    await secretary.locator('.minutes-form').first().getByText('Saved', { exact: true }).waitFor();
    await secretary.getByLabel('The decision').fill('Every member helps one elderly household with the harvest.');
    await secretary.getByLabel('Agenda item (optional)').selectOption({ label: '1. Harvest' });
    await secretary.getByLabel('A vote was taken').check();
    await secretary.getByLabel('For', { exact: true }).fill('3');
    await secretary.getByLabel('Against', { exact: true }).fill('0');
    await secretary.getByLabel('Abstaining', { exact: true }).fill('1');
    await secretary.getByRole('button', { name: 'Record the decision' }).click();
    await secretary.getByText('On item 1: Harvest · 3 for, 0 against, 1 abstaining').waitFor();
    await expectAccessible(secretary, 'gathering page with minutes and a decision (phone)');
    await expectNoSidewaysScroll(secretary);

    // After a reload the marks are the server's.
    await secretary.reload();
    await mark(secretary, 'Person 0 0', 'Present').waitFor();
    expect(await mark(secretary, 'Person 0 0', 'Present').getAttribute('aria-pressed')).toBe('true');
    expect(await mark(secretary, 'Person 0 1', 'Absent').getAttribute('aria-pressed')).toBe('true');
    expect(await count(secretary, 'Attendance rate').textContent()).toBe('20 %');
    expect(await secretary.getByLabel('Minutes of item 1: Harvest').inputValue()).toContain('two weeks late');
    const stored = await app.database.db.selectFrom('attendance').select(['status']).where('gathering_id', '=', gatheringPath.split('/')[2]!).execute();
    expect(stored.map((s) => s.status).sort()).toEqual(['absent', 'absent', 'excused', 'present']);

    // The list and the month show it.
    await secretary.goto(`/units/${app.tree.cells[0]}/gatherings`);
    await secretary.getByRole('link', { name: 'Monthly meeting of the cell' }).waitFor();
    await secretary.getByRole('button', { name: 'Month' }).click();
    if (begun.getMonth() !== new Date().getMonth()) await secretary.getByRole('button', { name: 'Next ›' }).click();
    await secretary.getByRole('table').getByRole('link', { name: /Monthly meeting of the cell/ }).waitFor();
    await expectAccessible(secretary, 'gatherings calendar (phone)');
    await expectNoSidewaysScroll(secretary);

    // The member answers, checks in with the code, and takes the calendar address.
    const member = await app.newPage(PHONE);
    await app.signIn(member, app.actors.member);
    await member.getByRole('link', { name: 'My gatherings' }).click();
    await member.getByRole('heading', { level: 1, name: 'My gatherings' }).waitFor();
    await member.getByRole('button', { name: 'I will come' }).click();
    await expect.poll(() => member.getByRole('button', { name: 'I will come' }).getAttribute('aria-pressed')).toBe('true');
    await member.getByLabel('Check-in code').fill(code === '000000' ? '000001' : '000000');
    await member.getByRole('button', { name: 'Check in' }).click();
    await member.getByRole('alert').getByText('That is not the code of this gathering.').waitFor();
    await member.getByLabel('Check-in code').fill(code);
    await member.getByRole('button', { name: 'Check in' }).click();
    await member.getByText('You are marked present.').waitFor();
    await member.getByRole('button', { name: 'Show my calendar address' }).click();
    const address = await member.getByLabel('Your calendar address').inputValue();
    expect(address).toMatch(new RegExp(`/api/v1/people/${app.actors.member.personId}/calendar\\.ics\\?token=`));
    expect(await member.getByRole('link', { name: 'Open in my calendar app' }).getAttribute('href')).toMatch(/^webcal:/);
    const feed = await fetch(address);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('SUMMARY:Monthly meeting of the cell');
    await expectAccessible(member, 'my gatherings (phone)');
    await expectNoSidewaysScroll(member);

    // The other cell of the district set a weekly rhythm two months ago and has not met since.
    const twoMonthsAgo = fixedClock(new Date(Date.now() - 60 * 86_400_000));
    await transact(app.database, app.actors.districtOfficial.actor, twoMonthsAgo, (ctx) => setCadence(ctx, app.tree.cells[1]!, { everyDays: 7 }));
    expect(await transact(app.database, systemActor('system:cadence'), systemClock, (ctx) => markMissedMeetings(ctx))).toBe(1);

    // The district official sees the cell's meeting in the district's statistics, and the missed one.
    const district = await app.newPage(DESKTOP);
    await app.signIn(district, app.actors.districtOfficial);
    await district.getByRole('heading', { level: 1, name: 'District 0.0' }).waitFor();
    await district.getByRole('link', { name: 'Meeting statistics' }).click();
    await district.getByRole('heading', { level: 1, name: 'Meeting statistics of District 0.0' }).waitFor();
    const held = district.getByLabel('The unit and every unit below it');
    expect(await held.locator('div', { has: district.locator('dt', { hasText: /^Meetings held$/ }) }).locator('dd').textContent()).toBe('1');
    // Two present (one marked by the secretary, one checked in) of five invited: the meeting page's 40 %, not "of four marked".
    const row = district.locator('table.meeting-children tbody tr', { hasText: 'Cell 0.0.0' });
    expect(await row.locator('td').allTextContents()).toEqual(['1', '40 %', '0 of 1']);
    expect(await row.locator('th').textContent()).toContain('Meets every 30 days');
    const missedRow = district.locator('table.meeting-children tbody tr', { hasText: 'Cell 0.0.1' });
    expect(await missedRow.locator('td').allTextContents()).toEqual(['0', '—', '1 of 1']);
    await missedRow.locator('th .badge', { hasText: 'missed' }).waitFor();
    expect(await held.locator('div', { has: district.locator('dt', { hasText: /^Missed their last meeting$/ }) }).locator('dd').textContent()).toBe('1');
    await district.locator('canvas[role="img"]').waitFor();
    await district.getByText('Show the figures as a table').click();
    expect(await district.locator('figure details table tbody tr').count()).toBe(2);
    await expectAccessible(district, 'meeting statistics');
    const districtPhone = await app.newPage(PHONE);
    await app.signIn(districtPhone, app.actors.districtOfficial);
    await districtPhone.goto(`/units/${app.tree.districts[0]}/meetings`);
    await districtPhone.locator('table.meeting-children').waitFor();
    await districtPhone.locator('canvas[role="img"]').waitFor();
    await expectAccessible(districtPhone, 'meeting statistics (phone)');
    await expectNoSidewaysScroll(districtPhone);
    await district.goto(gatheringPath);
    await mark(district, 'Person 0 0', 'Present').waitFor();
    await expectAccessible(district, 'gathering page');
    await district.goto(`/units/${app.tree.cells[0]}/gatherings`);
    await district.getByRole('button', { name: 'Schedule a gathering' }).click();
    await expectAccessible(district, 'schedule form');
    await district.getByRole('button', { name: 'Month' }).click();
    await district.locator('table.month').waitFor();
    await expectAccessible(district, 'gatherings calendar');

    // A decision becomes a draft directive in one step.
    await secretary.goto(gatheringPath);
    await secretary.getByRole('button', { name: 'Make a directive' }).click();
    await secretary.waitForURL(/\/directives\/[0-9a-f-]{36}$/);
    await secretary.getByRole('heading', { level: 1, name: 'Every member helps one elderly household with the harvest.' }).waitFor();
  }, 300_000);

  it('a region convenes a conference of its cell secretaries and reviews the units it covers', async () => {
    const region = await app.newPage(DESKTOP);
    await app.signIn(region, app.actors.regionOfficial);
    await region.goto(`/units/${app.tree.regions[0]}/gatherings`);
    await region.getByRole('button', { name: 'Schedule a gathering' }).click();
    await region.getByLabel('Kind').selectOption('conference');
    await region.getByLabel('Title', { exact: true }).fill('Conference of cell secretaries');
    // It began an hour ago (attendance opens at the start).
    await region.getByLabel('Starts', { exact: true }).fill(localInput(new Date(Date.now() - 3_600_000)));
    await region.getByLabel('Online link (optional)').fill('https://meet.example.org/region-0');
    await region.getByLabel('Secretaries of the units of one level below Region 0').check();
    await region.getByLabel('Level', { exact: true }).selectOption('cell');
    await expectAccessible(region, 'schedule form for a conference');
    await region.getByRole('button', { name: 'Schedule', exact: true }).click();
    await region.getByRole('heading', { level: 1, name: 'Conference of cell secretaries' }).waitFor();
    await region.getByRole('button', { name: 'Send invitations…' }).click();
    await region.getByRole('dialog').getByRole('button', { name: 'Send the invitations' }).click();
    await region.getByText('1 person invited.').waitFor();

    await region.getByText('0 of 1 units were represented.').waitFor();
    await mark(region, 'The cellSecretary', 'Present').click();
    await expect.poll(() => count(region, 'Present').textContent()).toBe('1');
    await region.reload();
    await region.getByText('1 of 1 units were represented.').waitFor();
    const row = region.locator('table.review tbody tr', { hasText: 'Cell 0.0.0' });
    expect(await row.locator('td').first().textContent()).toBe('Yes');
    await expectAccessible(region, 'conference page with its review');
    const phone = await app.newPage(PHONE);
    await app.signIn(phone, app.actors.regionOfficial);
    await phone.goto(new URL(region.url()).pathname);
    await phone.locator('table.review').waitFor();
    await expectAccessible(phone, 'conference page with its review (phone)');
    await expectNoSidewaysScroll(phone);
  });

  it('takes attendance per session of a course', async () => {
    const { actor } = app.actors.districtOfficial;
    const day = (n: number, hour: number) => new Date(tomorrowAt(hour).getTime() + n * 86_400_000).toISOString();
    // Both sessions have been held (three and two days ago): attendance opens at each session's start.
    const course = await transact(app.database, actor, systemClock, async (ctx) => {
      const made = await createGathering(ctx, {
        kind: 'course', conveningUnitId: app.tree.districts[0]!, title: 'Course for secretaries', startsAt: day(-4, 9), endsAt: day(-3, 17),
        sessions: [{ title: 'Bookkeeping', startsAt: day(-4, 9), endsAt: day(-4, 12) }, { title: 'Meetings', startsAt: day(-3, 9), endsAt: day(-3, 12) }],
        invitees: { rule: 'officials-below', unitId: app.tree.districts[0]! },
      });
      await sendInvitations(ctx, made.id);
      return made;
    });
    const page = await app.newPage(PHONE);
    await app.signIn(page, app.actors.districtOfficial);
    await page.goto(`/gatherings/${course.id}`);
    await page.getByRole('region', { name: 'Attendance' }).getByLabel('Session', { exact: true }).selectOption('1');
    await mark(page, 'The cellSecretary', 'Excused').click();
    await expect.poll(() => count(page, 'Excused').textContent()).toBe('1');
    await page.getByRole('region', { name: 'Attendance' }).getByLabel('Session', { exact: true }).selectOption('0');
    expect(await count(page, 'Excused').textContent()).toBe('0');
    expect(await mark(page, 'The cellSecretary', 'Excused').getAttribute('aria-pressed')).toBe('false');
    await expectAccessible(page, 'course attendance (phone)');
    await expectNoSidewaysScroll(page);
    const stored = await app.database.db.selectFrom('attendance').select(['session_idx', 'status']).where('gathering_id', '=', course.id).execute();
    expect(stored).toEqual([{ session_idx: 1, status: 'excused' }]);

    // In Korean, on the same phone.
    await page.getByLabel('Language').selectOption('ko');
    await page.reload();
    await page.getByRole('heading', { name: '출석', exact: true }).waitFor();
    expect(await page.getByRole('group', { name: 'The cellSecretary', exact: true }).getByRole('button', { name: '사유 결석' }).getAttribute('aria-pressed')).toBe('false');
    await expectAccessible(page, 'course attendance in Korean (phone)');
    await expectNoSidewaysScroll(page);
  });

  it('edits a sent meeting and then cancels it, on a phone: invitees are told, the page shows it cancelled', async () => {
    const { actor } = app.actors.districtOfficial;
    const starts = tomorrowAt(10);
    const meeting = await transact(app.database, actor, systemClock, async (ctx) => {
      const made = await createGathering(ctx, {
        kind: 'meeting', conveningUnitId: app.tree.districts[0]!, title: 'District meeting', startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 3_600_000).toISOString(), place: 'Old hall', agenda: ['Roads'], invitees: { rule: 'officials-below', unitId: app.tree.districts[0]! },
      });
      await sendInvitations(ctx, made.id);
      return made;
    });
    // The invitations went out: an edit now is mailed as an update.
    await transact(app.database, systemActor('system:invitations'), systemClock, (ctx) => queueInvitationMail(ctx));
    const page = await app.newPage(PHONE);
    await app.signIn(page, app.actors.districtOfficial);
    await page.goto(`/gatherings/${meeting.id}`);
    await page.getByRole('heading', { level: 1, name: 'District meeting' }).waitFor();

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Edit “District meeting”' });
    await edit.getByText('Invitees who already received the invitation get the updated one by e-mail').waitFor();
    await expectAccessible(page, 'edit dialog (phone)');
    await expectNoSidewaysScroll(page);
    await edit.getByLabel('Title', { exact: true }).fill('District meeting (new hall)');
    await edit.getByLabel('Place (optional)').fill('New hall');
    await edit.getByLabel('Starts', { exact: true }).fill(localInput(tomorrowAt(11)));
    await edit.getByLabel('Ends', { exact: true }).fill(localInput(tomorrowAt(13)));
    await edit.getByLabel('Agenda (optional)').fill('Roads\nWater');
    await edit.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'District meeting (new hall)' }).waitFor();
    await page.getByRole('status').getByText(/^Saved\. \d+ invitees? gets? the update by e-mail\.$/).waitFor();
    await page.getByText('New hall', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Water', level: 3 }).waitFor();
    const stored = await app.database.db.selectFrom('gatherings').select(['title', 'sequence', 'starts_at']).where('id', '=', meeting.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ title: 'District meeting (new hall)', sequence: 2, starts_at: tomorrowAt(11) });

    await page.getByRole('button', { name: 'Cancel gathering…' }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancel “District meeting (new hall)”?' });
    await expectAccessible(page, 'cancel dialog (phone)');
    await expectNoSidewaysScroll(page);
    // A reason is required: the browser keeps the dialog open without one.
    await cancel.getByRole('button', { name: 'Cancel the gathering' }).click();
    expect(await cancel.isVisible()).toBe(true);
    await cancel.getByLabel('Reason').fill('The new hall is flooded.');
    await cancel.getByRole('button', { name: 'Cancel the gathering' }).click();
    await page.getByRole('status').getByText(/^The gathering is cancelled\. \d+ invitees? gets? the cancellation by e-mail\.$/).waitFor();
    await page.getByText('Reason: The new hall is flooded.').waitFor();
    await page.locator('.cancelled-notice').getByText(/^Cancelled on /).waitFor();
    expect(await page.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Cancel gathering…' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add to the agenda' }).count()).toBe(0);
    await expectAccessible(page, 'cancelled gathering (phone)');
    await expectNoSidewaysScroll(page);
    expect((await app.database.db.selectFrom('gatherings').select(['status', 'cancel_reason']).where('id', '=', meeting.id).executeTakeFirstOrThrow()))
      .toEqual({ status: 'cancelled', cancel_reason: 'The new hall is flooded.' });

    // In Korean, on the same phone.
    await page.getByLabel('Language').selectOption('ko');
    await page.reload();
    await page.getByText('사유: The new hall is flooded.').waitFor();
    await expectAccessible(page, 'cancelled gathering in Korean (phone)');
    await expectNoSidewaysScroll(page);
  });
});
