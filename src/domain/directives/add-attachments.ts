import { authorize } from '../access/guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { recordAmendment } from './change-directive.ts';
import { countAttachments, storeFiles, type FileInfo } from './directive-files.ts';
import { directivePolicy } from './directive-policy.ts';
import { lockDirective } from './directive.queries.ts';
import { checkFiles, type FileUpload } from './file-checks.ts';

/**
 * Attaches files to a directive. A draft takes them freely. An issued directive takes
 * them only as an amendment, with a note: a new version that lists the files, which
 * every receiver sees and acknowledges again — never a silent addition. A withdrawn
 * directive takes none. Files are never removed (the record stays whole).
 */
export async function addAttachments(ctx: Ctx, directiveId: string, input: { files: readonly FileUpload[]; note?: string | undefined }): Promise<{ files: FileInfo[]; version: number }> {
  const d = await lockDirective(ctx, directiveId);
  authorize(directivePolicy.manage(ctx.actor, d.issuer_path), false, 'directive', directiveId, 'attach_files');
  if (d.status === 'withdrawn') throw conflict('directive_withdrawn', 'The directive was withdrawn; nothing more is added to it.', { status: d.status });
  if (input.files.length === 0) throw invalid('files_required', 'Choose at least one file.', { field: 'files' });
  const note = input.note?.trim();
  if (d.status === 'issued' && !note) {
    throw invalid('note_required', 'Files added to an issued directive are an amendment: say what they are, for the receivers.', { field: 'note' });
  }
  // The directive is locked: two uploads at once cannot both pass the count.
  const already = await countAttachments(ctx, d.id);
  const files = await checkFiles(input.files, already);
  const version = d.status === 'issued' ? d.version + 1 : d.version;
  const stored = await storeFiles(ctx, { kind: 'attachment', directiveId: d.id, version, already }, files);
  const listed = stored.map((f) => ({ id: f.id, name: f.name, mediaType: f.mediaType, size: f.size }));
  if (d.status === 'issued') {
    await recordAmendment(ctx, d, note!, { attachments: listed });
  } else {
    await recordAudit(ctx, { action: 'directive.attach', targetType: 'directive', targetId: d.id, unitId: d.issuer_unit_id, details: { files: listed.map(({ name: _name, ...f }) => f) } });
  }
  return { files: stored, version };
}
