/**
 * `npm run bench:web`: the web app at national scale, on a PostgreSQL server.
 * Loads the national organization (505,213 units, 10,000,000 members) into its own
 * database unless it is there already, adds one unit with 500 subunits, starts the
 * real server with the built app, and measures in Debian's headless Chromium: time to
 * the first meaningful paint of the tree page and of the 500-subunit page, the
 * JavaScript the first page ships, and search-as-you-type latency. Writes its section
 * of docs/benchmarks.md.
 *
 * BENCH_WEB_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/mainstay_bench_web),
 * BENCH_WEB_RUNS (page loads per page, default 15), BENCH_WEB_QUERIES (search names, default 60).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { json, request } from './lib/http.ts';
import { ensureNationalOrganization, NATIONAL_DATABASE_URL } from './lib/national.ts';
import { log, mainstay, ROOT, startServer } from './lib/proc.ts';
import { writeSection } from './lib/sections.ts';
import { checkBenchDatabase, query } from './lib/sql.ts';
import { fixed, int, ms, summarize, type Summary } from './lib/stats.ts';

const url = process.env.BENCH_WEB_DATABASE_URL ?? NATIONAL_DATABASE_URL;
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 15);
const QUERIES = Number(process.env.BENCH_WEB_QUERIES ?? 60);
const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, MAINSTAY_LOG: 'off' };
const started = Date.now();
checkBenchDatabase(url);

// ---- the organization -------------------------------------------------------------------------

/** One sub-district with 500 cells: the widest unit page the issue asks about. */
async function ensureWideUnit(): Promise<string> {
  const found = await query<{ id: string }>(url, "select id from units where code = 'BENCH-WIDE-500'");
  if (found[0]) return found[0].id;
  const parent = (await query<{ code: string }>(url, `select u.code from units u join levels l on l.depth = u.depth where l.key = 'district' and u.code is not null order by u.code limit 1`))[0]!;
  const dir = join(ROOT, '.bench', 'wide');
  mkdirSync(dir, { recursive: true });
  const lines = ['code,name,level,parent_code', `BENCH-WIDE-500,Wide Sub-district,sub-district,${parent.code}`];
  for (let i = 0; i < 500; i++) lines.push(`BENCH-WIDE-C${i},Wide Cell ${String(i).padStart(3, '0')},cell,BENCH-WIDE-500`);
  writeFileSync(join(dir, 'units.csv'), lines.join('\n') + '\n');
  await mainstay(['import', join(dir, 'units.csv')], { env, resultLine: /^Imported/ });
  return (await query<{ id: string }>(url, "select id from units where code = 'BENCH-WIDE-500'"))[0]!.id;
}

// ---- the browser ---------------------------------------------------------------------------------

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** The moment the page's main content (title and the first rows of subunits) is in the DOM and a frame has painted. */
const MEANINGFUL = `(() => {
  const ready = () => document.querySelector('h1') && document.querySelector('#subunits-heading ~ .table-wrap tbody tr');
  new MutationObserver((_, observer) => {
    if (window.__meaningful || !ready()) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__meaningful = performance.now(); });
  }).observe(document, { childList: true, subtree: true });
})()`;

async function signedInContext(browser: Browser, base: string, email: string, password: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
  const response = await context.request.post('/api/v1/session', { data: { email, password } });
  if (!response.ok()) throw new Error(`sign-in failed: ${response.status()}`);
  await context.addInitScript(MEANINGFUL);
  return context;
}

interface PaintRun { cold: number[]; warm: number[]; jsBytes: number; jsFiles: number }

/** Loads a page RUNS times in fresh contexts (empty cache) and again in the same context (cached scripts). */
async function timePage(browser: Browser, base: string, path: string, email: string, password: string): Promise<PaintRun> {
  const result: PaintRun = { cold: [], warm: [], jsBytes: 0, jsFiles: 0 };
  for (let i = 0; i < RUNS; i++) {
    const context = await signedInContext(browser, base, email, password);
    const page = await context.newPage();
    await page.goto(path);
    await page.waitForFunction(() => (window as unknown as { __meaningful?: number }).__meaningful, undefined, { timeout: 30_000 });
    result.cold.push(await page.evaluate(() => (window as unknown as { __meaningful: number }).__meaningful));
    if (i === 0) {
      const js = await page.evaluate(() => performance.getEntriesByType('resource')
        .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || e.name.endsWith('.js'))
        .map((e) => (e as PerformanceResourceTiming).encodedBodySize));
      result.jsBytes = js.reduce((a, b) => a + b, 0);
      result.jsFiles = js.length;
    }
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __meaningful?: number }).__meaningful, undefined, { timeout: 30_000 });
    result.warm.push(await page.evaluate(() => (window as unknown as { __meaningful: number }).__meaningful));
    await context.close();
  }
  return result;
}

// ---- search ---------------------------------------------------------------------------------------

/** Every prefix a person types, from 2 characters to the whole name, for names sampled from the tree. */
async function searchLatency(base: string, token: string, names: string[]): Promise<Summary & { results: number }> {
  const samples: number[] = [];
  let results = 0;
  for (const name of names) {
    for (let length = 2; length <= Math.min(name.length, 12); length++) {
      const q = encodeURIComponent(name.slice(0, length));
      const reply = await request('GET', `${base}/api/v1/search?q=${q}&kind=all&limit=8`, token);
      if (reply.status !== 200) throw new Error(`search ${q}: ${reply.status} ${reply.body.slice(0, 300)}`);
      const body = JSON.parse(reply.body) as { units: unknown[]; people: unknown[] };
      results += body.units.length + body.people.length;
      samples.push(reply.ms);
    }
  }
  return { ...summarize(samples), results };
}

// ---- run ----------------------------------------------------------------------------------------

const organization = await ensureNationalOrganization(url, env);
const wideId = await ensureWideUnit();
log('building the web app');
execFileSync('npm', ['run', 'build:web', '--silent'], { cwd: ROOT, stdio: 'inherit' });
const assets = join(ROOT, 'web', 'dist', 'assets');
const gz = readdirSync(assets).filter((f) => f.endsWith('.js.gz')).reduce((sum, f) => sum + statSync(join(assets, f)).size, 0);
const raw = readdirSync(assets).filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + statSync(join(assets, f)).size, 0);

const admin = { email: `web-bench-${Date.now()}@example.org`, password: `Mst-${randomBytes(12).toString('base64url')}` };
await mainstay(['admin', 'create', '--email', admin.email, '--password', admin.password], { env });
const server = await startServer([], env);
try {
  const base = server.url;
  const adminToken = (await json<{ token: string }>('POST', `${base}/api/v1/session`, undefined, admin)).token;
  const root = await json<{ id: string; counts: { units: number; cells: number; members: number } }>('GET', `${base}/api/v1/units/root`, adminToken);

  // A district official, for search within a district's scope.
  const district = (await query<{ id: string }>(url, "select u.id from units u join levels l on l.depth = u.depth where l.key = 'district' order by u.id limit 1"))[0]!.id;
  const person = (await query<{ id: string }>(url, 'select p.id from people p join units c on c.id = p.cell_id where c.ancestor_ids @> array[$1::uuid] limit 1', [district]))[0]!.id;
  const official = { email: `web-bench-official-${Date.now()}@example.org`, password: admin.password };
  await json('POST', `${base}/api/v1/units/${district}/officials`, adminToken, { personId: person, role: 'official' }).catch(() => undefined);
  await json('POST', `${base}/api/v1/accounts`, adminToken, { personId: person, ...official });
  const officialToken = (await json<{ token: string }>('POST', `${base}/api/v1/session`, undefined, official)).token;

  const sampleNames = (await query<{ name: string }>(url, `select name from people tablesample system (0.01) limit ${QUERIES}`)).map((r) => r.name);
  const districtNames = (await query<{ name: string }>(url,
    `select p.name from people p join units c on c.id = p.cell_id where c.ancestor_ids @> array[$1::uuid] order by random() limit ${Math.ceil(QUERIES / 2)}`, [district])).map((r) => r.name);

  log('search as you type: administrator over the whole tree');
  const searchAdmin = await searchLatency(base, adminToken, sampleNames);
  log(`  p50 ${ms(searchAdmin.p50)}, p95 ${ms(searchAdmin.p95)} over ${searchAdmin.n} queries`);
  log('search as you type: district official');
  const searchDistrict = await searchLatency(base, officialToken, districtNames);
  log(`  p50 ${ms(searchDistrict.p50)}, p95 ${ms(searchDistrict.p95)} over ${searchDistrict.n} queries`);

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  log(`tree page (root): ${RUNS} cold and warm loads`);
  const tree = await timePage(browser, base, `/units/${root.id}`, admin.email, admin.password);
  log(`  cold p50 ${ms(summarize(tree.cold).p50)}, warm p50 ${ms(summarize(tree.warm).p50)}`);
  log(`unit with 500 subunits: ${RUNS} cold and warm loads`);
  const wide = await timePage(browser, base, `/units/${wideId}`, admin.email, admin.password);
  log(`  cold p50 ${ms(summarize(wide.cold).p50)}, warm p50 ${ms(summarize(wide.warm).p50)}`);
  await browser.close();
  const peak = server.peakRssMb();

  const verdict = (ok: boolean) => (ok ? '**pass**' : '**FAIL**');
  const paint = (label: string, run: PaintRun) => {
    const cold = summarize(run.cold);
    const warm = summarize(run.warm);
    return `| ${label} | ≤ 1 s | cold p50 ${ms(cold.p50)}, p95 ${ms(cold.p95)}; cached p50 ${ms(warm.p50)}, p95 ${ms(warm.p95)} | ${verdict(cold.p95 <= 1000)} |`;
  };
  const chromiumVersion = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  const report = `## Web app at national scale (\`npm run bench:web\`)

Run on ${new Date().toISOString().slice(0, 16)}Z, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${chromiumVersion} headless,
PostgreSQL database \`${new URL(url).pathname.slice(1)}\` (organization ${organization}): ${int(root.counts.units + 1)} units, ${int(root.counts.cells)} cells,
${int(root.counts.members)} members; the server, PostgreSQL and Chromium share the machine. The benchmark took ${fixed((Date.now() - started) / 60000)} min.

| measurement | goal | measured | result |
| --- | --- | --- | --- |
${paint('first meaningful paint of the tree page (the root, its 12 regions)', tree)}
${paint('first meaningful paint of a unit page with 500 subunits (first 100 rows)', wide)}
| JavaScript shipped for the first page | ≤ 250 KB gzipped | ${fixed(gz / 1024)} KiB gzipped (${fixed(raw / 1024)} KiB raw, ${tree.jsFiles} file); sent as brotli: ${fixed(tree.jsBytes / 1024)} KiB | ${verdict(gz <= 250 * 1024)} |
| search as you type, administrator over the whole tree (every prefix of ${sampleNames.length} sampled names) | p95 ≤ 100 ms | p50 ${ms(searchAdmin.p50)}, p95 ${ms(searchAdmin.p95)}, max ${ms(searchAdmin.max)} (${searchAdmin.n} queries) | ${verdict(searchAdmin.p95 <= 100)} |
| search as you type, district official (every prefix of ${districtNames.length} names in the district) | p95 ≤ 100 ms | p50 ${ms(searchDistrict.p50)}, p95 ${ms(searchDistrict.p95)}, max ${ms(searchDistrict.max)} (${searchDistrict.n} queries) | ${verdict(searchDistrict.p95 <= 100)} |
| server memory, peak through the run | — | ${peak === undefined ? '–' : `${Math.round(peak)} MB`} | |

*First meaningful paint* is the time from navigation start until the page title and the first rows of the
subunit table are in the DOM and the next animation frame has run (a MutationObserver in the page; the
figure includes the sign-in check, the unit and children API calls and rendering). *Cold*: a new browser
context each time (no cache); *cached*: a reload in the same context. ${RUNS} loads of each. Search latency is
measured from a client on loopback, one request at a time, for every prefix from 2 characters (the web
app waits 150 ms after the last keystroke before it asks; that pause is not included).
`;
  writeSection(resolve(ROOT, 'docs', 'benchmarks.md'), 'web', report);
  log('wrote the web section of docs/benchmarks.md');
  console.log(report);
} finally {
  await server.stop();
}
