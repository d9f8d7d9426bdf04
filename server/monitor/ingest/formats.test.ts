import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { guessFormat, parseCsvWithLines, parseImport } from './formats';
import { parsePostTime, validatePosts } from './validate';

const now = new Date('2024-05-01T12:00:00+08:00');

function failure(fn: () => unknown): { message: string; details: unknown } {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return { message: err.message, details: err.details };
    throw err;
  }
  throw new Error('expected a failure');
}

describe('parseCsvWithLines', () => {
  it('reads RFC 4180 quoting and reports the line each record starts on', () => {
    const csv = '\uFEFFa,b\r\n1,"x, ""y"""\r\n2,"two\nlines"\n\n3,z';
    expect(parseCsvWithLines(csv)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'x, "y"'] },
      { line: 3, fields: ['2', 'two\nlines'] },
      { line: 6, fields: ['3', 'z'] },
    ]);
  });

  it.each([
    ['a,b\n1,"open', 'line 2: unterminated quoted field'],
    ['a,b\n1,x"y', 'line 2: a quote inside an unquoted field'],
    ['a,b\n1,"x"y', 'line 2: unexpected character after a closing quote'],
  ])('refuses %j', (csv, message) => {
    expect(failure(() => parseCsvWithLines(csv)).message).toContain(message);
  });
});

describe('parseImport', () => {
  it('maps CSV columns (either spelling) into the push shape, with the source platform as default', () => {
    const csv = 'platform_post_id,author_name,followers,verified,text,published_at,likes,media\n' + 'a1,老王,"12,000",是,工地欠薪三个月,2024-05-01 09:34,7,https://x/1.jpg|https://x/2.jpg\n';
    const [rec] = parseImport(csv, 'csv', 'douyin');
    expect(rec).toMatchObject({ line: 2, where: 'line 2' });
    const [post] = validatePosts([rec!], now);
    expect(post).toMatchObject({
      platform: 'douyin',
      platformPostId: 'a1',
      authorName: '老王',
      authorFollowers: 12000,
      authorVerified: true,
      media: ['https://x/1.jpg', 'https://x/2.jpg'],
      engagement: { likes: 7, shares: 0, comments: 0, views: 0 },
    });
    expect(post!.publishedAt.toISOString()).toBe('2024-05-01T01:34:00.000Z');
  });

  it('names the failing line of a CSV, JSONL or JSON file', () => {
    const csv = 'platform,platform_post_id,text,published_at\nweibo,1,好,2024-05-01T09:00:00+08:00\nweibo,2,,2024-05-01T09:00:00+08:00\n';
    expect(failure(() => validatePosts(parseImport(csv, 'csv', null), now)).message).toBe('line 3, text: required');
    expect(failure(() => parseImport('platform,bogus\n', 'csv', null)).message).toContain('unknown column "bogus"');
    expect(failure(() => parseImport('platform,title\nweibo,x\n', 'csv', null)).message).toBe('line 1: the header has no "text" column');

    const jsonl = '{"platform":"weibo","platformPostId":"1","text":"好","publishedAt":"2024-05-01T09:00:00Z"}\n\n{"platform":"weibo",\n';
    expect(failure(() => parseImport(jsonl, 'jsonl', null)).message).toMatch(/^line 3: invalid JSON/);
    const jsonl2 = '{"platform":"weibo","platformPostId":"1","text":"好","publishedAt":"2024-05-01T09:00:00Z"}\n{"platform":"weibo","platformPostId":"2","publishedAt":"2024-05-01T09:00:00Z"}\n';
    expect(failure(() => validatePosts(parseImport(jsonl2, 'jsonl', null), now)).message).toBe('line 2, text: required');

    const json = JSON.stringify({ posts: [{ platform: 'weibo', platformPostId: '1', text: '好', publishedAt: '2024-05-01T09:00:00Z' }, { platform: 'weibo', platformPostId: '2', text: '好', publishedAt: 'yesterday' }] }, null, 2);
    const err = failure(() => validatePosts(parseImport(json, 'json', null), now));
    expect(err.message).toMatch(/^line 9, posts\[1\]\.publishedAt|^line 9, posts\[1\], publishedAt/);
    expect(failure(() => parseImport('[{"a":1},', 'json', null)).message).toMatch(/invalid JSON/);
    expect(failure(() => parseImport('{"items":[]}', 'json', null)).message).toContain('expected an array of posts');
  });

  it('accepts a bare JSON array and guesses formats from names and content types', () => {
    expect(parseImport('[{"text":"x"}]', 'json', 'rss')[0]!.value).toEqual({ text: 'x', platform: 'rss' });
    expect(guessFormat('posts.CSV')).toBe('csv');
    expect(guessFormat('application/x-ndjson')).toBe('jsonl');
    expect(guessFormat('application/json; charset=utf-8')).toBe('json');
    expect(guessFormat('text/plain')).toBeNull();
  });
});

describe('parsePostTime', () => {
  it.each([
    ['2024-05-01T09:34:00+08:00', '2024-05-01T01:34:00.000Z'],
    ['2024-05-01T01:34:00Z', '2024-05-01T01:34:00.000Z'],
    ['2024-05-01 09:34', '2024-05-01T01:34:00.000Z'],
    ['2024-05-01T09:34:00.123+0800', '2024-05-01T01:34:00.123Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('reads %s', (input, iso) => {
    expect(parsePostTime(input)?.toISOString()).toBe(iso);
  });

  it.each(['2024-02-30T10:00:00+08:00', '2023-02-29 10:00', 'yesterday', '2024-05-01', '2024-13-01T00:00:00Z'])('refuses %s', (input) => {
    expect(parsePostTime(input)).toBeNull();
  });
});
