import { PassThrough, Readable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerMonitorCommands, scoreJsonl, type TextScorer } from './cli';

const stub: TextScorer = { score: (text) => (text.includes('差') ? 0.912345 : 0.1) };

async function run(input: string, model: TextScorer = stub): Promise<{ out: string; result: Awaited<ReturnType<typeof scoreJsonl>> }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  const result = await scoreJsonl(Readable.from([input]), output, model);
  output.end();
  return { out: Buffer.concat(chunks).toString('utf8'), result };
}

describe('scoreJsonl', () => {
  it('maps {"id","text"} lines to {"id","negativity"} in order, keeping id types', async () => {
    const { out, result } = await run('{"id":"a","text":"服务差"}\n{"id":2,"text":"好"}\n');
    expect(out).toBe('{"id":"a","negativity":0.9123}\n{"id":2,"negativity":0.1}\n');
    expect(result).toEqual({ scored: 2 });
  });

  it('skips blank lines, accepts CRLF and a missing final newline, ignores extra fields', async () => {
    const { out, result } = await run('\n{"id":1,"text":"x","src":"weibo"}\r\n   \r\n{"id":2,"text":""}');
    expect(out).toBe('{"id":1,"negativity":0.1}\n{"id":2,"negativity":0.1}\n');
    expect(result.scored).toBe(2);
  });

  it.each([
    ['not json', 'invalid JSON'],
    ['[1,2]', 'expected a JSON object'],
    ['null', 'expected a JSON object'],
    ['{"text":"x"}', '"id" must be'],
    ['{"id":{},"text":"x"}', '"id" must be'],
    ['{"id":1}', '"text" must be a string'],
    ['{"id":1,"text":5}', '"text" must be a string'],
  ])('stops at malformed line %j naming its number', async (bad, message) => {
    const { out, result } = await run(`{"id":1,"text":"x"}\n\n${bad}\n{"id":3,"text":"y"}\n`);
    expect(result.error?.line).toBe(3);
    expect(result.error?.message).toContain(message);
    // Lines before the bad one were written; nothing after it.
    expect(out).toBe('{"id":1,"negativity":0.1}\n');
  });

  it('streams large inputs', async () => {
    const input = Array.from({ length: 20000 }, (_, i) => JSON.stringify({ id: i, text: `第${i}条` })).join('\n');
    const { out, result } = await run(input);
    expect(result.scored).toBe(20000);
    expect(out.split('\n')).toHaveLength(20001);
  });
});

describe('registerMonitorCommands', () => {
  it('adds `monitor score` with a --model option', () => {
    const program = new Command('minsheng');
    registerMonitorCommands(program);
    const monitor = program.commands.find((c) => c.name() === 'monitor');
    const score = monitor?.commands.find((c) => c.name() === 'score');
    expect(score).toBeDefined();
    expect(score?.options.map((o) => o.long)).toContain('--model');
  });
});
