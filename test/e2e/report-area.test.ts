import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory, URGENCIES } from '../../src/domain/cases/categories.ts';
import { setServiceArea } from '../../src/domain/cases/service-area.ts';
import type { Deadlines } from '../../src/db/schema-cases.ts';
import { run } from '../factories.ts';
import { expectAccessible, expectNoSidewaysScroll, NO_BROWSER, PHONE, startBrowserApp, type BrowserApp } from './browser-app.ts';

// Issue 14, item 6: a resident whose address matches no unit picks their area on the form
// (by going down the tree, or by a point on the map — here with no tile server), and the
// case lands in that unit's queue instead of the top's triage.
describe.skipIf(NO_BROWSER)('a report whose address matches nothing, in the browser at 360 px', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
    const deadlines = Object.fromEntries(URGENCIES.map((u) => [u, { acknowledgeHours: 24, resolveHours: 72 }])) as Deadlines;
    await run(app.database, (ctx) => createCategory(ctx, { code: 'water', name: 'Water supply', names: { ko: '상수도' }, handlingLevel: 'cell', public: true, deadlines }));
    await run(app.database, (ctx) => setServiceArea(ctx, app.tree.cells[0]!, { polygon: null, localities: ['Old Mill'] }));
    // Cell 0.0.1 serves a wide square around the blank map's first view (centred on 20° N, 0°).
    await run(app.database, (ctx) => setServiceArea(ctx, app.tree.cells[1]!, {
      polygon: { type: 'Polygon', coordinates: [[[-60, -10], [60, -10], [60, 50], [-60, 50], [-60, -10]]] }, localities: [],
    }));
  });
  afterAll(async () => { await app?.close(); });

  const owner = async (reference: string) =>
    (await app.database.db.selectFrom('cases').select('owning_unit_id').where('reference', '=', reference).executeTakeFirstOrThrow()).owning_unit_id;

  it('asks for the area, the resident goes down the tree to their cell, and the cell secretary finds the case in the queue', async () => {
    const resident = await app.newPage(PHONE);
    await resident.goto('/report');
    await resident.getByLabel('What is it about?').locator('option').nth(1).waitFor({ state: 'attached' });
    // Nothing is preselected (issue 14): the resident chooses.
    await resident.getByLabel('What is it about?').selectOption({ index: 1 });
    await resident.getByLabel('What happened').fill('The well behind the school is dry.');
    await resident.getByLabel('Where (address or place name)').fill('Behind the school, 4 Nowhere Road');
    await resident.getByRole('button', { name: 'Send' }).click();

    // Not sent: the form asks where.
    await resident.getByRole('heading', { name: 'Which area are you in?' }).waitFor();
    await resident.getByRole('button', { name: 'Areas in Region 0' }).waitFor();
    await expectAccessible(resident, 'area step (phone)');
    await expectNoSidewaysScroll(resident);
    await resident.getByRole('button', { name: 'Areas in Region 0' }).click();
    await resident.getByRole('button', { name: 'Areas in District 0.0' }).click();
    await resident.getByRole('button', { name: 'Choose Cell 0.0.0' }).click();
    await resident.getByText('Your area: Cell 0.0.0').waitFor();
    await expectNoSidewaysScroll(resident);
    await resident.getByRole('button', { name: 'Send' }).click();
    await resident.getByRole('heading', { name: 'Received — thank you' }).waitFor();
    const reference = (await resident.locator('strong.code').textContent())!;
    expect(await owner(reference)).toBe(app.tree.cells[0]);

    const secretary = await app.newPage(PHONE);
    await app.signIn(secretary, app.actors.cellSecretary);
    await secretary.goto(`/units/${app.tree.cells[0]}/cases`);
    await secretary.getByRole('link', { name: reference }).waitFor();
  }, 150_000);

  it('finds the area by name, or from a point tapped on a map without tiles, in Korean too', async () => {
    const resident = await app.newPage(PHONE, 'ko-KR');
    await resident.goto('/report');
    await resident.getByLabel('어떤 문제입니까?').locator('option').nth(1).waitFor({ state: 'attached' });
    await resident.getByLabel('어떤 문제입니까?').selectOption({ index: 1 });
    await resident.locator('#report-description').fill('수도관이 터졌습니다.');
    await resident.locator('form button[type=submit]').click();
    // No address at all: the form asks too.
    await resident.getByRole('heading', { name: '어느 지역에 계신가요?' }).waitFor();
    await resident.getByLabel('지역 이름으로 찾기').fill('1.1.0');
    await resident.getByRole('button', { name: 'Cell 1.1.0 고르기' }).waitFor();
    await resident.getByRole('button', { name: '지도 보기' }).click();
    await resident.getByText('지도 그림이 설정되지 않았습니다', { exact: false }).waitFor();
    const map = resident.getByRole('region', { name: '지도' });
    await map.waitFor();
    await expectNoSidewaysScroll(resident);
    await map.click();
    await resident.getByText('선택한 지역: Cell 0.0.1').waitFor();
    await resident.locator('form button[type=submit]').click();
    await resident.locator('strong.code').waitFor();
    const reference = (await resident.locator('strong.code').textContent())!;
    expect(await owner(reference)).toBe(app.tree.cells[1]);
    const place = await app.database.db.selectFrom('cases').select(['lat', 'long']).where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(place.lat).toBeGreaterThan(-10);
    expect(place.lat).toBeLessThan(50);
  }, 150_000);
});
