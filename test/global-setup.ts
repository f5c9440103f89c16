import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite runs: a dump of a migrated database that each test file starts from. */
    pgliteTemplate: string;
    /** PostgreSQL runs: a migrated database each test file copies with CREATE DATABASE … TEMPLATE. */
    postgresTemplate: string;
    /** The web app, built once per run for the browser tests. */
    webRoot: string;
  }
}

/**
 * Migrates once per run, on the backend DATABASE_URL selects (PGlite without it),
 * so each test file starts from a copy instead of paying for migrations again.
 */
export default async function setup(project: TestProject) {
  const web = await buildWebApp();
  project.provide('webRoot', web.root);
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `mainstay_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const database = await openDatabase({ url: withDatabase(url, name) });
    await migrate(database);
    await database.close();
    project.provide('postgresTemplate', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      web.remove();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'mainstay-test-'));
  const database = await openDatabase({});
  await migrate(database);
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
  return () => {
    rmSync(dir, { recursive: true, force: true });
    web.remove();
  };
}

/** Builds the web app from the working tree (about a second), so the browser tests see the current sources. */
async function buildWebApp() {
  const root = mkdtempSync(join(tmpdir(), 'mainstay-web-'));
  await build({ configFile: fileURLToPath(new URL('../web/vite.config.ts', import.meta.url)), logLevel: 'warn', build: { outDir: root, emptyOutDir: true } });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
