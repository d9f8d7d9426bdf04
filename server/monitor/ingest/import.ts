// File import (文件导入) for the HTTP route and the `minsheng monitor import` command alike:
// one file is one batch, so a bad record anywhere imports nothing and names its line.
import type { AppContext } from '../../context';
import { AppError, invalid } from '../../errors';
import { findSourceByCode } from '../../repositories/monitor-sources';
import { guessFormat, parseImport, type ImportFormat } from './formats';
import { ingestPosts } from './pipeline';
import { MAX_IMPORT_POSTS } from './validate';
import type { BatchResult } from './write';

/** Imports a file's text for a source; `hint` (file name or content type) picks the format if not given. */
export async function importPostsFile(ctx: AppContext, sourceCode: string, text: string, format: ImportFormat | null, hint?: string): Promise<BatchResult> {
  const source = await findSourceByCode(ctx.pool, sourceCode);
  if (!source) throw invalid('source', `unknown source ${sourceCode}`);
  if (!source.isActive) throw invalid('source', `source ${sourceCode} is inactive`);
  const chosen = format ?? guessFormat(hint);
  if (!chosen) throw invalid('format', 'required (csv, json or jsonl) when the file name or content type does not say');
  const raws = parseImport(text.replace(/^\uFEFF/, ''), chosen, source.platform);
  if (raws.length === 0) throw invalid('body', 'no posts in the file');
  if (raws.length > MAX_IMPORT_POSTS) throw new AppError(413, 'PAYLOAD_TOO_LARGE', `at most ${MAX_IMPORT_POSTS} posts per import, got ${raws.length}`);
  return ingestPosts(ctx, source.id, raws);
}
