// CLI contract tests: the stream-level classify loop in-process, then the real commands end to end
// through `node --import tsx` (what the minsheng binary does).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseClassifyLine, runClassify } from '../cli';
import { trainClassifier } from './index';
import { syntheticExamples } from './testFixtures';

const dir = mkdtempSync(join(tmpdir(), 'dispatch-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const cliUrl = pathToFileURL(resolve(import.meta.dirname, '..', 'cli.ts')).href;

/** Runs the dispatch commands in a fresh Node process, as the minsheng binary would. */
function cli(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const code = [
    "import { Command } from 'commander';",
    `import { registerDispatchCommands } from '${cliUrl}';`,
    "const program = new Command('minsheng');",
    'registerDispatchCommands(program);',
    "await program.parseAsync(JSON.parse(process.env.DISPATCH_ARGS ?? '[]'), { from: 'user' });",
  ].join('\n');
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: repoRoot,
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, DISPATCH_ARGS: JSON.stringify(args) },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('classify input parsing', () => {
  it('accepts {id,title,text} and rejects malformed lines with a reason', () => {
    expect(parseClassifyLine('{"id":1,"title":"t","text":"x"}')).toEqual({ id: 1, title: 't', text: 'x' });
    expect(parseClassifyLine('{"id":"a","text":"x"}')).toEqual({ id: 'a', title: '', text: 'x' });
    expect(parseClassifyLine('{"id":1,')).toHaveProperty('error');
    expect(parseClassifyLine('[1,2]')).toHaveProperty('error');
    expect(parseClassifyLine('{"title":"t","text":"x"}')).toEqual({ error: '"id" must be a string or a number' });
    expect(parseClassifyLine('{"id":1,"title":"t"}')).toEqual({ error: '"text" must be a string' });
  });

  it('streams predictions and reports a malformed line by number without output for it', async () => {
    const model = trainClassifier(syntheticExamples(20), { features: { hashBits: 16 } });
    const input = new PassThrough();
    const output = new PassThrough();
    const errors = new PassThrough();
    let out = '';
    let err = '';
    output.on('data', (d: Buffer) => (out += d.toString()));
    errors.on('data', (d: Buffer) => (err += d.toString()));
    input.end(['{"id":"a1","title":"公交线路","text":"公交车司机不停站"}', '{not json', '', '{"id":7,"title":"","text":"工厂排放污水"}'].join('\n'));
    const bad = await runClassify(model, input, output, errors);
    expect(bad).toBe(1);
    expect(err).toMatch(/line 2: invalid JSON/);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { id: string | number; label: string; confidence: number; top: { label: string; p: number }[] });
    expect(lines.map((l) => l.id)).toEqual(['a1', 7]);
    expect(lines[0]!.label).toBe('交通运输');
    expect(lines[1]!.label).toBe('环境保护');
    expect(lines[0]!.top).toHaveLength(3);
    expect(Object.keys(lines[0]!)).toEqual(['id', 'label', 'confidence', 'top']);
  });
});

describe('minsheng model train / classify / eval (end to end)', () => {
  const csv = join(dir, 'appeals.csv');
  const modelPath = join(dir, 'model.bin');
  const rows = syntheticExamples(25).map((e) => `"${e.title}","${e.text.replace(/"/g, '""')}",${e.label}`);
  writeFileSync(csv, `\uFEFF主题,详情,类别\n${rows.join('\n')}\n`);
  writeFileSync(join(dir, 'dict.txt'), '# place names\n燕子山安置房\n\n魏家坡小区\n');

  it('trains a model from any CSV columns', () => {
    const r = cli(['model', 'train', '--data', csv, '--text-columns', '主题,详情', '--label-column', '类别', '--out', modelPath, '--user-dict', join(dir, 'dict.txt')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/trained linear model on 75 rows, 3 labels/);
    expect(existsSync(modelPath)).toBe(true);
  }, 60_000);

  it('names a missing column and lists the columns present', () => {
    const r = cli(['model', 'train', '--data', csv, '--text-columns', '主题,留言详情', '--label-column', '类别', '--out', join(dir, 'x.bin')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('column "留言详情" not found; columns present: 主题, 详情, 类别');
  }, 60_000);

  it('classifies JSONL and fails on a malformed line without writing garbage for it', () => {
    const input = ['{"id":1,"title":"学校收费","text":"学校老师乱收学费"}', '{"id":2,"title":', '{"id":3,"title":"","text":"空气污染 气味难闻"}', ''].join('\n');
    const r = cli(['classify', '--model', modelPath], input);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/line 2/);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: number; label: string });
    expect(out.map((o) => [o.id, o.label])).toEqual([
      [1, '教育文体'],
      [3, '环境保护'],
    ]);
  }, 60_000);

  it('evaluates a model on a labelled CSV', () => {
    const r = cli(['model', 'eval', '--model', modelPath, '--data', csv]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/accuracy 1\.0000 {2}macro-F1 1\.0000/);
    expect(r.stdout).toMatch(/教育文体\s+1\.0000\s+1\.0000\s+1\.0000\s+25/);
  }, 60_000);
});
