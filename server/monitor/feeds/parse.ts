// RSS 2.0 and Atom 1.0 feeds into posts in the push contract's shape. Feeds carry HTML in their
// descriptions; the text kept is what a reader sees (tags dropped, entities decoded).
import crypto from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  // Lists even when a feed has one element; an RSS <link> is a URL, an Atom <link> a repeatable element.
  isArray: (name, jpath) => name === 'item' || name === 'entry' || name === 'enclosure' || name === 'media:content' || String(jpath) === 'feed.entry.link',
});

type Node = Record<string, unknown>;

/** The text of an element that may be a string or {"#text": …, attributes}. */
function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return text((v as Node)['#text']);
  return '';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of an HTML fragment. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

function isoTime(v: string): string | undefined {
  if (!v) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? v : new Date(t).toISOString();
}

function urls(list: unknown, attr: string): string[] {
  return (Array.isArray(list) ? list : []).map((n) => text((n as Node)?.[attr])).filter((u) => /^https?:\/\//.test(u));
}

function stableId(...parts: string[]): string {
  return crypto.createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

function rssItem(item: Node, platform: string, now: Date): Record<string, unknown> {
  const title = htmlToText(text(item.title));
  const body = htmlToText(text(item['content:encoded']) || text(item.description));
  const link = text(item.link);
  const published = isoTime(text(item.pubDate) || text(item['dc:date']));
  return {
    platform,
    platformPostId: text(item.guid) || link || stableId(title, body, published ?? ''),
    author: { name: text(item['dc:creator']) || text(item.author) || undefined },
    title: title || undefined,
    text: body || title,
    url: link || undefined,
    media: [...urls(item.enclosure, '@_url'), ...urls(item['media:content'], '@_url')],
    publishedAt: published ?? now.toISOString(),
  };
}

function atomLink(entry: Node): string {
  const links = (Array.isArray(entry.link) ? entry.link : []) as Node[];
  const alt = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
  return alt ? text(alt['@_href']) : '';
}

function atomEntry(entry: Node, platform: string, now: Date): Record<string, unknown> {
  const title = htmlToText(text(entry.title));
  const body = htmlToText(text(entry.content) || text(entry.summary));
  const link = atomLink(entry);
  const published = isoTime(text(entry.published) || text(entry.updated));
  const author = entry.author as Node | undefined;
  const links = (Array.isArray(entry.link) ? entry.link : []) as Node[];
  return {
    platform,
    platformPostId: text(entry.id) || link || stableId(title, body, published ?? ''),
    author: { name: (author && text(author.name)) || undefined },
    title: title || undefined,
    text: body || title,
    url: link || undefined,
    media: urls(links.filter((l) => l['@_rel'] === 'enclosure'), '@_href'),
    publishedAt: published ?? now.toISOString(),
  };
}

/** The items of an RSS 2.0 or Atom document as raw posts; throws when it is neither. */
export function parseFeed(xml: string, platform: string, now: Date): Record<string, unknown>[] {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (err) {
    throw new Error(`not well-formed XML: ${(err as Error).message}`);
  }
  const rss = doc.rss as Node | undefined;
  if (rss) {
    const channel = (rss.channel ?? {}) as Node;
    return ((channel.item ?? []) as Node[]).map((i) => rssItem(i, platform, now));
  }
  const feed = doc.feed as Node | undefined;
  if (feed) return ((feed.entry ?? []) as Node[]).map((e) => atomEntry(e, platform, now));
  throw new Error('neither an RSS 2.0 <rss> nor an Atom <feed> document');
}
