// A light place-token extractor for near-duplicates and hot issues: the administrative names
// (A3区, 颍州区, 文峰街道) and the fine-grained places residents write (丽发新城, 伊景园滨河苑, 清河路,
// 郝家坪小学) found by their generic suffixes. It knows no gazetteer: the full place extractor
// (server/dispatch/place) yields a region code, which callers pass as `RegionRef` beside these tokens.

import { segmenter } from '../../text/segment';
import { STOP_WORDS } from './stopwords';

/** How specific a place token is; communities and landmarks identify a problem's place best. */
export type PlaceKind = 'county' | 'town' | 'community' | 'road' | 'landmark';

/** One place named in a text: the name as written and a key for comparison (generic suffix removed). */
export interface PlaceToken {
  name: string;
  key: string;
  kind: PlaceKind;
}

/** A region code (and its path, e.g. `/34/341200/341202/`) from a gazetteer, when the caller has one. */
export interface RegionRef {
  code: string;
  path?: string | undefined;
}

// Anonymised (A市, A3区, K9县) and real (颍州区, 太和县) county-level names. Real names are 2–3
// characters before the suffix and must not be a common word ending in 区 (小区, 社区, 城区, 景区…).
const ADMIN_CODED = /[A-Z][0-9]{0,2}(?:省|市|区|县)/g;
// A real county name opens a chunk of name characters (颍州区清河路 → 颍州区 | 清河路); the common
// nouns ending in 区/县 are not counties.
const ADMIN_AT_START = /^[\u4e00-\u9fa5]{2,3}?(?:区|县)/;
// The same at the start of the text or after a province/city name (安徽省阜阳市太和县).
const ADMIN_NAMED = /(?<=^|[^\u4e00-\u9fa5]|[省市])[\u4e00-\u9fa5]{2,3}?(?:区|县)/g;
// Function words no county name holds (30米内的区域 is no county).
const NOT_IN_COUNTY_NAME = /[的了是在我你他这那个把被给也都就还很要会能可请为将有无没不从到对向]/;
// Words ending like a road that are not roads (公交线路, 城市道路).
const NOT_PLACE_TAIL = /(线路|道路|马路|公路|铁路|思路|出路|套路|电路|水路|小路|大路|岔路)$/;
const NOT_ADMIN_TAIL = /(小区|社区|城区|景区|园区|校区|片区|市区|郊区|辖区|街区|山区|厂区|库区|湖区|矿区|老区|新区|本区|该区|全区|各区|我区|全县|我县|本县|该县|各县|行政区|居民区|安置区|生活区|商业区|开发区|保护区|示范区|试验区|功能区|住宅区|工业区|学区|城市区|农村区|下区|得区)$/;

// Characters and words that cannot be inside a place name: they end the name that follows them.
const BREAK_WORDS = /政府|委员会|居委会|村委会|派出所|附近|旁边|周边|周围|门口|对面|后面|前面|里面|内部|一带|境内|位于|地处|坐落|座落|关于|反映|投诉|举报|请问|咨询|建议|希望|要求|请求|我们|他们|业主|居民|村民|市民|小区内|路段|路口|沿线/g;
const BREAK_CHARS = /[^\u4e00-\u9fa5A-Za-z0-9]|[在于的是和与及到从往向对我你他她们这那个了着把被让给也都就还又很要会能可请问为将有无没不因由以及至或并等即住系]/g;

// Suffixes by kind, longest first so 大道 wins over 道 and 小学 over 学.
const SUFFIXES: [string, PlaceKind][] = [
  ['街道', 'town'], ['镇', 'town'], ['乡', 'town'],
  ['小区', 'community'], ['社区', 'community'], ['花园', 'community'], ['家园', 'community'], ['新城', 'community'],
  ['新村', 'community'], ['公寓', 'community'], ['大厦', 'community'], ['山庄', 'community'], ['公馆', 'community'],
  ['华府', 'community'], ['名苑', 'community'], ['雅苑', 'community'], ['国际', 'community'], ['广场', 'landmark'],
  ['苑', 'community'], ['园', 'community'], ['府', 'community'], ['湾', 'community'], ['村', 'community'], ['城', 'community'],
  ['大道', 'road'], ['大街', 'road'], ['路', 'road'], ['街', 'road'], ['巷', 'road'],
  ['幼儿园', 'landmark'], ['小学', 'landmark'], ['中学', 'landmark'], ['大学', 'landmark'], ['学校', 'landmark'], ['学院', 'landmark'],
  ['医院', 'landmark'], ['卫生院', 'landmark'], ['公园', 'landmark'], ['市场', 'landmark'], ['车站', 'landmark'], ['地铁站', 'landmark'],
  ['商场', 'landmark'], ['工业园', 'landmark'], ['产业园', 'landmark'],
];
SUFFIXES.sort((a, b) => b[0].length - a[0].length);

// A name core this generic is a word, not a place (新城 alone, 小区 alone, 该村…).
const GENERIC_CORES = new Set(['小', '社', '新', '老', '本', '该', '此', '各', '全', '整个', '城', '市', '村', '乡', '镇', '花', '公', '家', '一', '二', '三', '学', '大', '中', '东', '南', '西', '北', '马', '道', '公路', '铁路', '高速', '省', '县', '区']);

/** Drops a trailing generic suffix: 丽发新城小区 → 丽发新城 → 丽发 (used as the comparison key). */
export function placeKey(name: string): string {
  let key = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const [suffix] of SUFFIXES) {
      if (key.length > suffix.length + 1 && key.endsWith(suffix)) {
        key = key.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  return key;
}

function suffixOf(chunk: string): [string, PlaceKind] | null {
  for (const s of SUFFIXES) if (chunk.endsWith(s[0])) return s;
  return null;
}

// Parts of speech that cannot open a place name: a name starts after the last of them (本人系|春华镇).
// Single characters only count when they are function words: 新都小区 keeps its 都.
const NON_NAME_TAGS = /^(v|vn|vd|p|d|r|f|t|c|u|ul|uj|uz|ug|uv|zg|q|y|e|o|ad|an)$/;
const NON_NAME_SINGLE_TAGS = /^(p|r|c|f)$/;

/**
 * Removes words before the name proper ("本人系春华镇" → "春华镇"), using jieba's part-of-speech tags;
 * never leaves less than two characters before the suffix (劳动东路 stays whole).
 */
function trimName(name: string, suffix: string): string | null {
  const coreLength = name.length - suffix.length;
  let offset = 0;
  let cut = 0;
  const tokens: { start: number; end: number; isBreak: boolean }[] = [];
  for (const t of segmenter().tag(name, true)) {
    const isBreak = t.word.length >= 2 ? NON_NAME_TAGS.test(t.tag) || STOP_WORDS.has(t.word) : NON_NAME_SINGLE_TAGS.test(t.tag);
    tokens.push({ start: offset, end: offset + t.word.length, isBreak });
    offset += t.word.length;
    if (isBreak && coreLength - offset >= 2 && offset <= coreLength) cut = offset;
  }
  // A core that is nothing but a verb or a function word is no name (影响小区, 相关路段).
  const core = tokens.filter((t) => t.start >= cut && t.end <= coreLength);
  if (core.length === 1 && core[0]?.start === cut && core[0].end === coreLength && core[0].isBreak) return null;
  return name.slice(cut);
}

/** Adds one candidate name if what is left before its suffix looks like a name. */
function addCandidate(head: string, suffix: string, kind: PlaceKind, out: Map<string, PlaceToken>): void {
  const capped = head.length - suffix.length > 8 ? head.slice(head.length - suffix.length - 8) : head;
  const name = trimName(capped, suffix);
  if (name === null) return;
  const core = name.slice(0, name.length - suffix.length);
  if (core.length === 0 || GENERIC_CORES.has(core) || /^[0-9a-z]+$/i.test(core)) return;
  if (core.length === 1 && suffix.length < 2) return;
  if (NOT_PLACE_TAIL.test(name)) return;
  const key = placeKey(name);
  if (!out.has(key)) out.set(key, { name, key, kind });
}

/** Fine-grained places in one chunk of name characters (already cut at break characters). */
function chunkPlaces(chunk: string, out: Map<string, PlaceToken>): void {
  let start = 0;
  const admin = ADMIN_AT_START.exec(chunk);
  if (admin && !NOT_ADMIN_TAIL.test(admin[0]) && !NOT_IN_COUNTY_NAME.test(admin[0])) {
    out.set(admin[0], { name: admin[0], key: admin[0], kind: 'county' });
    start = admin[0].length;
  }
  // A chunk may hold several names in a row (万家丽南路丽发新城): scan suffix positions left to right.
  for (let end = start + 2; end <= chunk.length; end++) {
    const s = suffixOf(chunk.slice(start, end));
    if (!s) continue;
    // Prefer the longer suffix reading when the next character extends it (小 + 区 → 小区, 花 + 园 → 花园).
    if (end < chunk.length) {
      const longer = suffixOf(chunk.slice(start, end + 1));
      if (longer && longer[0].length > s[0].length) continue;
    }
    addCandidate(chunk.slice(start, end), s[0], s[1], out);
    start = end;
  }
}

/** County/district names and the fine-grained places of a text, deduplicated by key, in order of appearance. */
export function extractPlaces(text: string): PlaceToken[] {
  const s = text.normalize('NFKC');
  const out = new Map<string, PlaceToken>();
  for (const m of s.matchAll(ADMIN_CODED)) if (!out.has(m[0])) out.set(m[0], { name: m[0], key: m[0], kind: 'county' });
  let rest = s.replace(ADMIN_CODED, '|');
  // Real county names before the break characters are cut out: 太和县 holds 和.
  const isCounty = (m: string): boolean => !NOT_ADMIN_TAIL.test(m) && !NOT_IN_COUNTY_NAME.test(m);
  for (const m of rest.matchAll(ADMIN_NAMED)) if (isCounty(m[0]) && !out.has(m[0])) out.set(m[0], { name: m[0], key: m[0], kind: 'county' });
  rest = rest.replace(ADMIN_NAMED, (m) => (isCounty(m) ? '|' : m));
  rest = rest.replace(BREAK_WORDS, '|').replace(BREAK_CHARS, '|');
  for (const chunk of rest.split('|')) if (chunk.length >= 2) chunkPlaces(chunk, out);
  return [...out.values()];
}

const SPECIFIC: ReadonlySet<PlaceKind> = new Set(['community', 'landmark', 'road', 'town']);

/** True when two keys name the same place: equal, or one contains the other and the shorter is distinctive (≥ 3 characters). */
export function samePlaceKey(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.includes(short);
}

/** What two texts' places have in common, and whether they clearly differ. */
export interface PlaceComparison {
  /** The shared places, most specific first. */
  shared: PlaceToken[];
  /** Both name a community or landmark, and none of them match. */
  isConflict: boolean;
}

const KIND_RANK: Record<PlaceKind, number> = { community: 0, landmark: 1, road: 2, town: 3, county: 4 };

/** Compares the place tokens of two texts. */
export function comparePlaces(a: readonly PlaceToken[], b: readonly PlaceToken[]): PlaceComparison {
  const shared: PlaceToken[] = [];
  for (const x of a) {
    const y = b.find((q) => (x.kind === 'county') === (q.kind === 'county') && samePlaceKey(x.key, q.key));
    // Cite the fuller of the two spellings (伊景园滨河苑 rather than 伊景园).
    if (y) shared.push(y.name.length > x.name.length ? y : x);
  }
  shared.sort((x, y) => KIND_RANK[x.kind] - KIND_RANK[y.kind]);
  const fine = (t: PlaceToken) => t.kind === 'community' || t.kind === 'landmark';
  const hasFineA = a.some(fine);
  const hasFineB = b.some(fine);
  const countiesA = a.filter((t) => t.kind === 'county' && !t.name.endsWith('市') && !t.name.endsWith('省'));
  const countiesB = b.filter((t) => t.kind === 'county' && !t.name.endsWith('市') && !t.name.endsWith('省'));
  const isCountyConflict = countiesA.length > 0 && countiesB.length > 0 && !countiesA.some((x) => countiesB.some((y) => x.key === y.key));
  const isFineConflict = hasFineA && hasFineB && !shared.some((t) => SPECIFIC.has(t.kind));
  return { shared, isConflict: isFineConflict || isCountyConflict };
}

/** Relation of two gazetteer regions: the same or nested (one is inside the other), different, or unknown. */
export function compareRegions(a: RegionRef | null | undefined, b: RegionRef | null | undefined): 'same' | 'nested' | 'different' | 'unknown' {
  if (!a || !b) return 'unknown';
  if (a.code === b.code) return 'same';
  if (a.path && b.path) return a.path.startsWith(b.path) || b.path.startsWith(a.path) ? 'nested' : 'different';
  return 'unknown';
}

/** The Chinese word for a kind of place, used in reasons (同一小区「…」). */
export const PLACE_KIND_LABELS: Record<PlaceKind, string> = {
  county: '区县',
  town: '乡镇街道',
  community: '小区/村',
  road: '道路',
  landmark: '地点',
};
