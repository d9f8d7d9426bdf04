// File import formats (文件导入): CSV (header row, UTF-8, RFC 4180), JSON (an array of posts or
// {"posts": [...]}) and JSON Lines. Each record keeps where it came from so a bad one is reported
// by line; parsing never half-imports, it either yields every record or throws the 400.
import { AppError } from '../../errors';
import type { Located } from './validate';

export const IMPORT_FORMATS = ['csv', 'json', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

function syntaxError(where: string, why: string, line?: number): AppError {
  return new AppError(400, 'VALIDATION_FAILED', `${where}: ${why}`, [{ field: where, message: why, line }]);
}

/** One CSV record and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; \n or \r\n line ends. */
export function parseCsvWithLines(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fields: string[] = [];
  let field = '';
  let recordLine = 1;
  let quoted = false;
  let afterQuote = false;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      afterQuote = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      afterQuote = false;
      line++;
      recordLine = line;
    } else if (afterQuote) {
      throw syntaxError(`line ${line}`, 'unexpected character after a closing quote', line);
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === '"') {
      throw syntaxError(`line ${line}`, 'a quote inside an unquoted field (quote the whole field and double the quote)', line);
    } else {
      field += ch;
    }
  }
  if (quoted) throw syntaxError(`line ${recordLine}`, 'unterminated quoted field', recordLine);
  if (field !== '' || fields.length > 0) endRecord();
  return out;
}

// CSV columns: the push contract's fields, flat; snake_case and camelCase both accepted.
const CSV_COLUMNS: Record<string, string> = {
  platform: 'platform',
  platformpostid: 'platformPostId',
  postid: 'platformPostId',
  id: 'platformPostId',
  authorname: 'authorName',
  author: 'authorName',
  authorid: 'authorId',
  authorfollowers: 'authorFollowers',
  followers: 'authorFollowers',
  authorverified: 'authorVerified',
  verified: 'authorVerified',
  title: 'title',
  text: 'text',
  media: 'media',
  url: 'url',
  place: 'place',
  latitude: 'latitude',
  longitude: 'longitude',
  publishedat: 'publishedAt',
  likes: 'likes',
  shares: 'shares',
  comments: 'comments',
  views: 'views',
};
const NUMBER_COLUMNS = new Set(['authorFollowers', 'latitude', 'longitude', 'likes', 'shares', 'comments', 'views']);

function csvValue(column: string, raw: string, where: string, line: number): unknown {
  const v = raw.trim();
  if (v === '') return undefined;
  if (NUMBER_COLUMNS.has(column)) {
    const n = Number(v.replace(/,/g, ''));
    if (!Number.isFinite(n)) throw syntaxError(`${where}, ${column}`, `not a number: ${v.slice(0, 40)}`, line);
    return n;
  }
  if (column === 'authorVerified') return /^(1|true|yes|y|是)$/i.test(v);
  if (column === 'media') return v.split(/[\s|]+/).filter(Boolean);
  return v;
}

/** Turns a flat CSV row into the push contract's nested shape. */
function csvPost(header: string[], rec: CsvRecord, platform: string | null): Located {
  const where = `line ${rec.line}`;
  if (rec.fields.length > header.length) throw syntaxError(where, `${rec.fields.length} fields, the header has ${header.length}`, rec.line);
  const flat: Record<string, unknown> = {};
  header.forEach((column, k) => {
    const value = csvValue(column, rec.fields[k] ?? '', where, rec.line);
    if (value !== undefined) flat[column] = value;
  });
  const { authorName, authorId, authorFollowers, authorVerified, likes, shares, comments, views, ...rest } = flat;
  const post: Record<string, unknown> = { ...rest, platform: rest.platform ?? platform ?? undefined };
  if ([authorName, authorId, authorFollowers, authorVerified].some((v) => v !== undefined)) {
    post.author = { name: authorName, id: authorId, followers: authorFollowers, verified: authorVerified };
  }
  if ([likes, shares, comments, views].some((v) => v !== undefined)) post.engagement = { likes, shares, comments, views };
  return { value: post, where, line: rec.line };
}

function parseCsvPosts(text: string, platform: string | null): Located[] {
  const [head, ...rows] = parseCsvWithLines(text);
  if (!head) return [];
  const header = head.fields.map((h, k) => {
    const key = CSV_COLUMNS[h.trim().replace(/[_\s-]/g, '').toLowerCase()];
    if (!key) throw syntaxError(`line 1, column ${k + 1}`, `unknown column "${h}" (expected ${[...new Set(Object.values(CSV_COLUMNS))].join(', ')})`, 1);
    return key;
  });
  if (!header.includes('text')) throw syntaxError('line 1', 'the header has no "text" column', 1);
  return rows.map((r) => csvPost(header, r, platform));
}

/** Line (1-based) of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function jsonError(text: string, err: Error, baseLine = 0): AppError {
  const pos = /position (\d+)/.exec(err.message);
  const line = pos ? baseLine + lineAt(text, Number(pos[1])) : baseLine || undefined;
  return syntaxError(line ? `line ${line}` : 'body', `invalid JSON (${err.message})`, line);
}

function withPlatform(value: unknown, platform: string | null): unknown {
  if (platform && typeof value === 'object' && value !== null && !Array.isArray(value) && !('platform' in value)) return { ...value, platform };
  return value;
}

function parseJsonPosts(text: string, platform: string | null): Located[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw jsonError(text, err as Error);
  }
  const list = Array.isArray(doc) ? doc : typeof doc === 'object' && doc !== null && Array.isArray((doc as { posts?: unknown }).posts) ? (doc as { posts: unknown[] }).posts : null;
  if (!list) throw syntaxError('body', 'expected an array of posts or {"posts": [...]}');
  const lines = elementLines(text, list.length);
  return list.map((value, index) => {
    const line = lines[index];
    return { value: withPlatform(value, platform), where: line ? `line ${line}, posts[${index}]` : `posts[${index}]`, index, line };
  });
}

/**
 * The line each element of the posts array starts on (the top-level array, or the array under a
 * top-level "posts" key), found by a scan that skips strings; used only for error messages.
 */
function elementLines(text: string, expected: number): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let target = -1;
  let key = '';
  let expectValue = false;
  for (let i = 0; i < text.length && lines.length < expected; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (depth === 1 && target < 0) key = text.slice(start + 1, i);
      if (expectValue) lines.push(line);
      expectValue = false;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (expectValue) lines.push(line);
    expectValue = false;
    if (c === '[' || c === '{') {
      depth++;
      if (c === '[' && target < 0 && (depth === 1 || (depth === 2 && key === 'posts'))) {
        target = depth;
        expectValue = true;
      }
    } else if (c === ']' || c === '}') {
      depth--;
    } else if (c === ',' && depth === target) {
      expectValue = true;
    }
  }
  return lines;
}

function parseJsonlPosts(text: string, platform: string | null): Located[] {
  const out: Located[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, k) => {
    const line = raw.replace(/\r$/, '').replace(/^\uFEFF/, '');
    if (line.trim() === '') return;
    try {
      out.push({ value: withPlatform(JSON.parse(line), platform), where: `line ${k + 1}`, line: k + 1 });
    } catch (err) {
      throw syntaxError(`line ${k + 1}`, `invalid JSON (${(err as Error).message})`, k + 1);
    }
  });
  return out;
}

/** Parses an import file into located raw posts; `platform` fills records that name none. */
export function parseImport(text: string, format: ImportFormat, platform: string | null): Located[] {
  switch (format) {
    case 'csv':
      return parseCsvPosts(text, platform);
    case 'json':
      return parseJsonPosts(text, platform);
    case 'jsonl':
      return parseJsonlPosts(text, platform);
  }
}

/** The format a file name or content type suggests, if any. */
export function guessFormat(nameOrType: string | undefined): ImportFormat | null {
  const s = (nameOrType ?? '').toLowerCase();
  if (s.endsWith('.csv') || s.includes('text/csv')) return 'csv';
  if (s.endsWith('.jsonl') || s.endsWith('.ndjson') || s.includes('ndjson') || s.includes('jsonl') || s.includes('json-seq')) return 'jsonl';
  if (s.endsWith('.json') || s.includes('application/json')) return 'json';
  return null;
}
