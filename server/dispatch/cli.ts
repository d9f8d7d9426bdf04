// CLI for smart dispatch: `minsheng classify` (JSONL in → JSONL out) and `minsheng model
// train|eval`. Actions are async: the binary must use program.parseAsync().
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { mapJsonl, parseIdRecord } from '../cli/jsonl';
import {
  evaluate,
  examplesFromTable,
  formatReport,
  loadModel,
  readCsv,
  saveModel,
  serializeModel,
  trainNaiveBayesBaseline,
  trainWithHoldout,
  type Classifier,
} from './classifier/index';

const DEFAULT_TEXT_COLUMNS = ['留言主题', '留言详情'];
const DEFAULT_LABEL_COLUMN = '一级标签';

/** Parses one classify input line; returns an error message instead of throwing. */
export function parseClassifyLine(line: string): { id: string | number; title: string; text: string } | { error: string } {
  const r = parseIdRecord(line, '{"id","title","text"}');
  if ('error' in r) return r;
  const { o } = r;
  if (o.title !== undefined && o.title !== null && typeof o.title !== 'string') return { error: '"title" must be a string' };
  if (typeof o.text !== 'string') return { error: '"text" must be a string' };
  const title = typeof o.title === 'string' ? o.title : '';
  if (title.trim().length === 0 && o.text.trim().length === 0) return { error: '"title" and "text" are both empty' };
  return { id: r.id, title, text: o.text };
}

const round = (p: number): number => Math.round(p * 1e6) / 1e6;

/**
 * Streams JSONL appeals through a model. A malformed line is reported on `errors` with its line
 * number and produces no output; the others are still classified. Returns the number of bad lines.
 */
export async function runClassify(model: Classifier, input: Readable, output: Writable, errors: Writable): Promise<number> {
  const { bad } = await mapJsonl(
    input,
    output,
    (line) => {
      const parsed = parseClassifyLine(line);
      if ('error' in parsed) return parsed;
      const p = model.classify(parsed.title, parsed.text, 3);
      return { id: parsed.id, label: p.label, confidence: round(p.confidence), top: p.top.map((t) => ({ label: t.label, p: round(t.p) })) };
    },
    { errors, name: 'classify' },
  );
  return bad;
}

/** Reads a user dictionary: one word per line; blank lines and `#` comments are ignored. */
export function readUserDict(path: string): string[] {
  return readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter((w) => w.length > 0 && !w.startsWith('#'));
}

const splitList = (v: string): string[] => v.split(',').map((s) => s.trim()).filter((s) => s.length > 0);

/** Runs an action and turns any thrown error into a clean one-line message and exit code 1. */
function guarded<A extends unknown[]>(cmd: () => Command, fn: (...args: A) => unknown): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      cmd().error(`error: ${(e as Error).message}`, { exitCode: 1 });
    }
  };
}

/** Registers `classify` and `model train|eval` on the minsheng program. */
export function registerDispatchCommands(program: Command): void {
  const classifyCmd: Command = program
    .command('classify')
    .description('classify appeals: JSONL {"id","title","text"} on stdin → {"id","label","confidence","top"} on stdout')
    .requiredOption('--model <path>', 'model file written by `minsheng model train`')
    .action(
      guarded(
        () => classifyCmd,
        async (opts: { model: string }) => {
          const model = loadModel(opts.model);
          const bad = await runClassify(model, process.stdin, process.stdout, process.stderr);
          if (bad > 0) {
            process.stderr.write(`classify: ${bad} malformed line(s) skipped\n`);
            process.exitCode = 1;
          }
        },
      ),
    );

  const modelCmd = program.command('model').description('train and evaluate dispatch classifiers');
  const trainCmd: Command = modelCmd
    .command('train')
    .description('train a classifier on any label column of a UTF-8 CSV')
    .requiredOption('--data <file>', 'UTF-8 CSV with a header row')
    .requiredOption('--text-columns <list>', 'comma-separated text columns; with two or more, the first is the title', splitList)
    .requiredOption('--label-column <name>', 'column holding the label (category, unit, …)')
    .requiredOption('--out <path>', 'where to write the model')
    .option('--user-dict <file>', 'place and unit names, one per line, kept whole by the segmenter')
    .option('--baseline', 'train the character n-gram naive Bayes baseline instead')
    .action(guarded(() => trainCmd, (opts: { data: string; textColumns: string[]; labelColumn: string; out: string; userDict?: string; baseline?: boolean }) => {
      const table = readCsv(opts.data);
      const examples = examplesFromTable(table, opts.textColumns, opts.labelColumn, opts.data);
      if (examples.length === 0) throw new Error(`${opts.data}: no rows with a non-empty "${opts.labelColumn}"`);
      const labels = new Set(examples.map((e) => e.label));
      if (labels.size < 2) throw new Error(`${opts.data}: column "${opts.labelColumn}" has fewer than 2 distinct labels`);
      const meta = { dataFile: basename(opts.data), textColumns: opts.textColumns, labelColumn: opts.labelColumn };
      const userWords = opts.userDict ? readUserDict(opts.userDict) : [];
      let model: Classifier;
      if (opts.baseline) {
        model = trainNaiveBayesBaseline(examples, { meta });
      } else {
        const res = trainWithHoldout(examples, { features: { userWords }, meta });
        model = res.model;
        if (res.holdout) process.stdout.write(`hold-out estimate:\n${formatReport(res.holdout)}\n`);
      }
      Object.assign(model.meta, meta);
      saveModel(model, opts.out);
      const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
      const size = `${mb(statSync(opts.out).size)}, ${mb(serializeModel(model).length)} gzipped`;
      process.stdout.write(`trained ${model.kind} model on ${examples.length} rows, ${labels.size} labels, ${model.meta.trainSeconds.toFixed(1)} s → ${opts.out} (${size})\n`);
    }));

  const evalCmd: Command = modelCmd
    .command('eval')
    .description('evaluate a model on a labelled CSV: accuracy, macro-F1 and per-class table')
    .requiredOption('--model <path>', 'model file')
    .requiredOption('--data <file>', 'labelled UTF-8 CSV')
    .option('--text-columns <list>', 'comma-separated text columns (default: those the model was trained on)', splitList)
    .option('--label-column <name>', 'label column (default: the one the model was trained on)')
    .option('--json', 'print the result as JSON')
    .action(guarded(() => evalCmd, (opts: { model: string; data: string; textColumns?: string[]; labelColumn?: string; json?: boolean }) => {
      const model = loadModel(opts.model);
      const textColumns = opts.textColumns ?? model.meta.textColumns ?? DEFAULT_TEXT_COLUMNS;
      const labelColumn = opts.labelColumn ?? model.meta.labelColumn ?? DEFAULT_LABEL_COLUMN;
      const examples = examplesFromTable(readCsv(opts.data), textColumns, labelColumn, opts.data);
      const result = evaluate(model, examples);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ accuracy: result.accuracy, macroF1: result.macroF1, n: result.n, perClass: result.perClass })}\n`);
      } else {
        process.stdout.write(`${formatReport(result)}\n`);
      }
    }));
}
