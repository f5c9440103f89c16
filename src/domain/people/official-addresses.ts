import type { Ctx } from '../context.ts';

/** The sign-in addresses of a unit's current officials (secretary, deputies, officials): whom reminders go to. */
export async function officialAddresses(ctx: Ctx, unitId: string): Promise<string[]> {
  const rows = await ctx.db.selectFrom('official_terms as t').innerJoin('accounts as a', 'a.person_id', 't.person_id')
    .select('a.email').where('t.unit_id', '=', unitId).where('t.ended_at', 'is', null).where('a.disabled_at', 'is', null)
    .orderBy('a.email').execute();
  return [...new Set(rows.map((r) => r.email))];
}

/** The same officials with the language each reads (e-mails are written in it; issue 14). */
export async function officialRecipients(ctx: Ctx, unitId: string): Promise<Array<{ email: string; language: string | null }>> {
  const rows = await ctx.db.selectFrom('official_terms as t').innerJoin('accounts as a', 'a.person_id', 't.person_id')
    .innerJoin('people as p', 'p.id', 't.person_id')
    .select(['a.email', 'p.language']).where('t.unit_id', '=', unitId).where('t.ended_at', 'is', null).where('a.disabled_at', 'is', null)
    .orderBy('a.email').execute();
  const seen = new Map<string, string | null>();
  for (const r of rows) if (!seen.has(r.email)) seen.set(r.email, r.language);
  return [...seen].map(([email, language]) => ({ email, language }));
}
