import { withSystemScope, type Ctx } from '../context.ts';

export interface Assignee { personId: string; name: string }

/**
 * The names of the officials cases are assigned to, read past row-level security:
 * an official of the owning unit may live in a cell the reader cannot open, yet
 * "who has it" is what a reader of the case needs — the timeline already names the
 * officials who acted. Names only, never contact details.
 */
export async function assigneeNames(ctx: Ctx, personIds: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const ids = [...new Set(personIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await withSystemScope(ctx, () => ctx.db.selectFrom('people').select(['id', 'name']).where('id', 'in', ids).execute());
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const assigneeOf = (personId: string | null, names: Map<string, string>): Assignee | null =>
  personId ? { personId, name: names.get(personId) ?? '' } : null;
