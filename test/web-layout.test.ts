import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WEB = join(ROOT, 'web/src');
// Folders of web/src that are not a capability: shared widgets, the API client, translations.
const SHARED = ['api', 'components', 'i18n'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** What a file imports at run time: `import type` is erased, so a circle through one is harmless. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly && ts.isStringLiteral(statement.moduleSpecifier)) {
      names.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      names.push(statement.moduleSpecifier.text);
    }
  }
  return names;
}

/** The web app's files and the files each imports at run time (relative imports only). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(WEB)) {
    const imports = runtimeImports(file).filter((name) => name.startsWith('.'))
      .map((name) => resolve(dirname(file), name))
      .map((base) => ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((p) => existsSync(p) && statSync(p).isFile()))
      .filter((p): p is string => p !== undefined);
    graph.set(file, imports);
  }
  return graph;
}

/** Every import circle, each as the files around it (depth-first search, one report per back edge). */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)).map((f) => relative(WEB, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe('the web app layout', () => {
  it('has no import circle', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(50);
    expect(cycles(graph)).toEqual([]);
  });

  it('has one folder per capability of src/domain, besides api, components and i18n (no flat pages/)', () => {
    const capabilities = readdirSync(join(ROOT, 'src/domain')).filter((name) => statSync(join(ROOT, 'src/domain', name)).isDirectory());
    const folders = readdirSync(WEB).filter((name) => statSync(join(WEB, name)).isDirectory());
    expect(folders.filter((name) => !SHARED.includes(name) && !capabilities.includes(name))).toEqual([]);
    expect(existsSync(join(WEB, 'pages'))).toBe(false);
  });

  it('finds a circle when there is one (the check itself works)', () => {
    const graph = new Map([['/a.ts', ['/b.ts']], ['/b.ts', ['/c.ts']], ['/c.ts', ['/a.ts']]]);
    expect(cycles(graph)).toHaveLength(1);
  });
});
