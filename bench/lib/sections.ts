import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * docs/benchmarks.md is written by more than one benchmark: each owns a section
 * between `<!-- section:NAME -->` markers, which the others carry over untouched.
 */
const pattern = (name: string) => new RegExp(`<!-- section:${name} -->[\\s\\S]*?<!-- /section:${name} -->\\n?`);
const ANY = /<!-- section:([\w-]+) -->[\s\S]*?<!-- \/section:\1 -->\n?/g;

/** Writes one section into the file, replacing its earlier version or appending it. */
export function writeSection(file: string, name: string, markdown: string) {
  const block = `<!-- section:${name} -->\n${markdown.trim()}\n<!-- /section:${name} -->\n`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writeFileSync(file, pattern(name).test(text) ? text.replace(pattern(name), block) : `${text.trimEnd()}\n\n${block}`);
}

/** A freshly rendered report with the other benchmarks' sections of the old file appended again. */
export function keepSections(file: string, rendered: string): string {
  if (!existsSync(file)) return rendered;
  const sections = readFileSync(file, 'utf8').match(ANY) ?? [];
  return sections.length ? `${rendered.trimEnd()}\n\n${sections.join('\n')}` : rendered;
}
