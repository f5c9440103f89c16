import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./libical-itip.py', import.meta.url));
// Debian's python3 holds the GObject bindings; a pyenv python3 earlier on PATH does not.
const PYTHONS = ['/usr/bin/python3', 'python3'];

/** Where libical's iTIP check can run here (python3-gi + gir1.2-ical-3.0), and if not, why. */
export const libical: { python: string | null; reason: string } = (() => {
  const reasons: string[] = [];
  for (const python of PYTHONS) {
    const probe = spawnSync(python, ['-c', "import gi; gi.require_version('ICalGLib', '3.0'); from gi.repository import ICalGLib"], { encoding: 'utf8' });
    if (probe.status === 0) return { python, reason: '' };
    reasons.push(`${python}: ${probe.error?.message ?? probe.stderr.trim().split('\n').at(-1)}`);
  }
  return { python: null, reason: `libical's iTIP check skipped — install python3-gi and gir1.2-ical-3.0 (${reasons.join('; ')})` };
})();

/** libical's iTIP restriction errors for one iCalendar object (empty: it passes). */
export function itipErrors(ics: string): string[] {
  if (!libical.python) throw new Error(libical.reason);
  const run = spawnSync(libical.python, [SCRIPT], { input: ics, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`libical check failed to run: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { errors: string[] }).errors;
}
