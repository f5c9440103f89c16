import type { Ctx } from '../context.ts';

export interface AuditEntry {
  action: string;
  targetType: 'unit' | 'person' | 'account' | 'organization' | 'case' | 'category' | 'directive' | 'assignment' | 'gathering' | 'decision';
  targetId?: string | null;
  /** The unit that owns the target, so the trail can later be scoped like the data. */
  unitId?: string | null;
  details?: Record<string, unknown>;
  /** The changed fields as they were and as they became. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/**
 * Appends to the audit trail inside the command's own transaction; the chainer
 * links it into the hash chain shortly after commit (audit-chain.ts).
 */
export async function recordAudit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  await ctx.db
    .insertInto('audit_events')
    .values({
      at: ctx.clock.now(),
      actor_account_id: ctx.actor.accountId,
      actor_label: ctx.actor.label,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId ?? null,
      unit_id: entry.unitId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      before: entry.before ? JSON.stringify(entry.before) : null,
      after: entry.after ? JSON.stringify(entry.after) : null,
      request_id: ctx.requestId ?? null,
    })
    .execute();
}
