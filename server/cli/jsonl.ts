// JSON Lines plumbing the CLI filters share (`classify`, `place`, `monitor score`): a record per
// line with an "id", one output line per good input line, malformed lines named by number.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** A line's JSON object with its "id", or why it is not one. `shape` names the expected fields. */
export function parseIdRecord(line: string, shape: string): { id: string | number; o: Record<string, unknown> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { error: `invalid JSON (${(e as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: `expected a JSON object ${shape}` };
  const o = value as Record<string, unknown>;
  if (typeof o.id !== 'string' && typeof o.id !== 'number') return { error: '"id" must be a string or a number' };
  return { id: o.id, o };
}

/** Writes a chunk, waiting for 'drain' when the consumer is slower than we are. */
export async function writeChunk(output: Writable, chunk: string): Promise<void> {
  if (chunk.length > 0 && !output.write(chunk)) await new Promise<void>((resolve) => output.once('drain', resolve));
}

/**
 * Maps a JSON Lines stream line by line: `map` returns the output record or `{ error }`. Blank lines
 * are skipped. A bad line is reported on `errors` as `<name>: line N: why` and, unless
 * `stopAtError`, the run goes on. Output is written in ~64 KB chunks. Returns the lines written
 * and the bad lines (with the first one's number and reason).
 */
export async function mapJsonl(
  input: Readable,
  output: Writable,
  map: (line: string) => object | { error: string },
  opts: { errors?: Writable; name: string; stopAtError?: boolean },
): Promise<{ written: number; bad: number; firstError?: { line: number; message: string } }> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let buffered = '';
  let lineNo = 0;
  let written = 0;
  let bad = 0;
  let firstError: { line: number; message: string } | undefined;
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.trim().length === 0) continue;
      const out = map(line);
      if ('error' in out && typeof out.error === 'string') {
        bad++;
        firstError ??= { line: lineNo, message: out.error };
        opts.errors?.write(`${opts.name}: line ${lineNo}: ${out.error}\n`);
        if (opts.stopAtError) break;
        continue;
      }
      buffered += `${JSON.stringify(out)}\n`;
      written++;
      if (buffered.length >= 65536) {
        await writeChunk(output, buffered);
        buffered = '';
      }
    }
    await writeChunk(output, buffered);
  } finally {
    lines.close();
  }
  return { written, bad, ...(firstError ? { firstError } : {}) };
}
