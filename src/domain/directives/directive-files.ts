import { sql } from 'kysely';
import type { DirectiveFileKind, DirectiveFileType } from '../../db/schema-directive-files.ts';
import { newId } from '../../platform/ids.ts';
import { authorize } from '../access/guard.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { assignmentPolicy, directivePolicy } from './directive-policy.ts';
import type { CheckedFile } from './file-checks.ts';

export interface FileInfo { id: string; name: string; mediaType: DirectiveFileType; size: number; kind: DirectiveFileKind; width: number | null; height: number | null }
export interface StoredFile { name: string; mediaType: DirectiveFileType; bytes: Buffer }

/** Whose files they are; attachments numbered on from those the directive already has. */
type Owner =
  | { kind: 'attachment'; directiveId: string; version: number; already: number }
  | { kind: 'evidence'; directiveId: string; assignmentId: string; reportId: number };

/** Stores checked files in the caller's transaction, in the order they were sent. */
export async function storeFiles(ctx: Ctx, owner: Owner, files: readonly CheckedFile[]): Promise<FileInfo[]> {
  if (files.length === 0) return [];
  const now = ctx.clock.now();
  const first = owner.kind === 'attachment' ? owner.already + 1 : 1;
  const rows = files.map((f, index) => ({
    id: newId(), directive_id: owner.directiveId, kind: owner.kind, position: first + index, name: f.name, media_type: f.mediaType, bytes: f.bytes, size: f.bytes.length,
    width: f.width, height: f.height, created_at: now, actor_label: ctx.actor.label,
    ...(owner.kind === 'attachment'
      ? { assignment_id: null, report_id: null, added_version: owner.version }
      : { assignment_id: owner.assignmentId, report_id: owner.reportId, added_version: null }),
  }));
  await ctx.db.insertInto('directive_files').values(rows).execute();
  return rows.map(infoOf);
}

const INFO = ['id', 'name', 'media_type', 'size', 'kind', 'width', 'height'] as const;
const infoOf = (r: { id: string; name: string; media_type: DirectiveFileType; size: number; kind: DirectiveFileKind; width: number | null; height: number | null }): FileInfo =>
  ({ id: r.id, name: r.name, mediaType: r.media_type, size: r.size, kind: r.kind, width: r.width, height: r.height });

/** A directive's attachments, oldest first; the reader must already be allowed to see the directive. */
export async function attachmentsOf(ctx: Ctx, directiveId: string): Promise<FileInfo[]> {
  const rows = await ctx.db.selectFrom('directive_files').select(INFO)
    .where('directive_id', '=', directiveId).where('kind', '=', 'attachment').orderBy('position').execute();
  return rows.map(infoOf);
}

export async function countAttachments(ctx: Ctx, directiveId: string): Promise<number> {
  const row = await ctx.db.selectFrom('directive_files').select(sql<number>`count(*)::int`.as('n'))
    .where('directive_id', '=', directiveId).where('kind', '=', 'attachment').executeTakeFirstOrThrow();
  return row.n;
}

/** The evidence sent with an assignment's reports, by report id. */
export async function evidenceOf(ctx: Ctx, assignmentId: string): Promise<Map<number, FileInfo[]>> {
  const rows = await ctx.db.selectFrom('directive_files').select([...INFO, 'report_id'])
    .where('assignment_id', '=', assignmentId).where('kind', '=', 'evidence').orderBy('report_id').orderBy('position').execute();
  const byReport = new Map<number, FileInfo[]>();
  for (const r of rows) byReport.set(Number(r.report_id), [...(byReport.get(Number(r.report_id)) ?? []), infoOf(r)]);
  return byReport;
}

/**
 * One file, for whoever may read what it belongs to: an attachment where the directive
 * is readable (the issuer's chain; once issued, every unit it reached and those above
 * them), evidence where the assignment is (its unit's officials and those above).
 */
export async function readDirectiveFile(ctx: Ctx, fileId: string): Promise<StoredFile> {
  const placed = await withSystemScope(ctx, () => ctx.db.selectFrom('directive_files as f').innerJoin('directives as d', 'd.id', 'f.directive_id')
    .leftJoin('assignments as a', 'a.id', 'f.assignment_id')
    .select(['f.kind', 'd.id as directive_id', 'd.issuer_path', 'd.status', 'a.unit_id', 'a.path'])
    .where('f.id', '=', fileId).executeTakeFirst());
  if (!placed) throw notFound('directive_file', fileId);
  const allowed = placed.kind === 'evidence'
    ? assignmentPolicy.act(ctx.actor, { unitId: placed.unit_id!, path: placed.path! })
    : directivePolicy.manage(ctx.actor, placed.issuer_path) || (placed.status !== 'draft' && await reaches(ctx, placed.directive_id));
  authorize(allowed, false, 'directive_file', fileId, 'read_directive_file');
  // Read in the actor's own scope: row-level security is the second wall.
  const file = await ctx.db.selectFrom('directive_files').select(['name', 'media_type', 'bytes']).where('id', '=', fileId).executeTakeFirst();
  if (!file) throw notFound('directive_file', fileId);
  return { name: file.name, mediaType: file.media_type, bytes: file.bytes };
}

/** Whether the directive reached a unit the actor is an official of, or one below it. */
async function reaches(ctx: Ctx, directiveId: string): Promise<boolean> {
  const units = ctx.actor.officialUnitIds;
  if (units.length === 0) return false;
  const row = await withSystemScope(ctx, () => sql<{ found: boolean }>`
    select exists (select 1 from assignments where directive_id = ${directiveId}::uuid
                     and (unit_id = any(${units}::uuid[]) or path && ${units}::uuid[])) as found`.execute(ctx.db));
  return row.rows[0]!.found;
}
