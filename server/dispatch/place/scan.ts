// Finding the gazetteer's names in one text: every alias occurrence from the automaton, then
// (1) ASCII word boundaries (anonymised "a3区" must not match inside "a33区"), (2) the longest
// match wins where names overlap (颍州区文峰街道 → 颍州区 + 文峰街道, never 颍州 + 州区), (3) a short
// form that begins a longer name is not a place mention (颍州 in 颍州中路, 合肥 in 合肥路), and one
// followed by an administrative suffix is somewhere else (西湖区 is in 杭州, not 西湖镇), (4) our
// names directly after a place outside the city belong to it (合肥市蜀山区…, 利辛县城关镇).
import { stripLevelSuffix } from './aliases';
import { isAsciiAlnum, isCjk } from './fold';
import type { AliasInfo, Gazetteer } from './gazetteer';

/** What a matched name means in this text. */
export type MatchRole = 'ours' | 'home' | 'outside' | 'suppressed';

/** A name found in the text: [start, end) offsets; `text` is the original spelling. */
export interface PlaceMatch {
  start: number;
  end: number;
  text: string;
  alias: AliasInfo;
  role: MatchRole;
  /** For role 'ours' found through a one-character slip (颖州区 for 颍州区): the name meant. */
  typoOf?: string;
  /** Adjacent matches share a chain number: together they are one mention. */
  chain: number;
  /** For a suppressed name: the unknown place elsewhere it was found under (利辛县 of 利辛县城关镇). */
  outsideOf?: string;
}

const ROAD_AFTER = /^[东西南北中]?(?:路|街(?!道)|大道|大街|巷)|^(?:小区|花园|家园|社区|公寓|新村|苑)/;
const ADMIN_AFTER = /^[省市区县州旗]/;
/** After a county's full name these make it part of another name: a road, a river, an estate. */
const NAME_AFTER = /^[东西南北中]?(?:路|街(?!道)|大道|大街|巷)|^(?:河|之都|小区|花园|家园|苑)/;
/** Everyday words starting with a road or river character: 颍泉区路灯 is the county's street lamp. */
const COMMON_AFTER = /^(?:路[灯面口段况边上基牌人费政网线]|街[上边头面]|河[边道里水堤沟流段])/;
/** A town name right after (路口镇, 巷子口镇): the 路/巷 starts that name, not a road. */
const TOWN_SOON = /^[\u4e00-\u9fff]{1,3}(?:镇|乡|街道)/;
/** Sides and banks: 河北岸, 湖南边 are directions, not provinces. */
const SIDE_AFTER = /^[岸边面侧部]/;
/** A short name elsewhere starting with one of these right after other characters is a false hit (双凫铺镇江河村 ≠ 镇江). */
const ADMIN_CHARS = '省市区县镇乡村州';
/** Two- and three-character words ending in an admin character that are not place names. */
const GENERIC_ADMIN = new Set(
  ('小区 社区 城区 市区 景区 园区 辖区 片区 新区 郊区 矿区 校区 厂区 山区 灾区 街区 营区 库区 学区 老区 专区 分区 该区 本区 全区 我区 各区 ' +
    '全县 本县 该县 各县 我县 外县 邻县 全市 本市 该市 我市 各市 外市 城市 超市 门市 夜市 菜市 股市 楼市 早市 ' +
    '开发区 老城区 商业区 住宅区 居民区 工业区 保护区 风景区 示范区 试验区 实验区 服务区 生活区 办公区').split(' '),
);

/** Scans a folded text (see fold.ts) and returns the kept matches in text order. */
export function scanPlaces(g: Gazetteer, folded: string, original: string): PlaceMatch[] {
  const raw = g.automaton.search(folded).filter((m) => hasWordBoundaries(folded, m.start, m.end));
  raw.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: PlaceMatch[] = [];
  for (const m of raw) {
    // A text holds a handful of matches: checking them beats allocating an occupancy array.
    if (kept.some((k) => m.start < k.end && k.start < m.end)) continue;
    const alias = g.aliases[m.pattern] as AliasInfo;
    kept.push({ start: m.start, end: m.end, text: original.slice(m.start, m.end), alias, role: roleOf(alias), chain: 0 });
  }
  kept.sort((a, b) => a.start - b.start);
  const out: PlaceMatch[] = [];
  for (const m of kept) {
    const after = folded.slice(m.end, m.end + 3);
    const startsTown = TOWN_SOON.test(folded.slice(m.end, m.end + 5)) || COMMON_AFTER.test(after);
    if (m.alias.isShort && ROAD_AFTER.test(after) && !startsTown) continue;
    if (!m.alias.isShort && NAME_AFTER.test(after) && !startsTown && isCountyLevel(g, m.alias)) continue;
    // K10县村铁石坝组: a county name elsewhere followed by 村 (not 村民) names a village.
    if (m.role === 'outside' && /^村(?![民委干])/.test(after) && isCountyLevel(g, m.alias)) continue;
    if (m.role === 'outside' && m.alias.isShort && isCjk(folded.charCodeAt(m.start - 1))) {
      // 双凫铺镇江河村 ≠ 镇江; 颍河北岸 ≠ 河北: inside a word, a short name elsewhere is a coincidence.
      if (ADMIN_CHARS.includes(folded[m.start] as string) || SIDE_AFTER.test(after)) continue;
    }
    if (m.alias.isShort && ADMIN_AFTER.test(after) && !isOurCountyShort(m.alias)) {
      out.push({ ...m, end: m.end + 1, text: original.slice(m.start, m.end + 1), role: 'outside' });
      continue;
    }
    out.push(m);
  }
  suppressAfterOutside(g, out, folded, original);
  const kept2 = dropOutsideAfterOurs(out, folded);
  numberChains(kept2, folded);
  return kept2;
}

/**
 * An address runs from large to small, so a county-level name elsewhere right after one of our
 * places is part of a smaller name (a village or estate named after it: 跳马镇K10县村), not a county.
 */
function dropOutsideAfterOurs(matches: PlaceMatch[], folded: string): PlaceMatch[] {
  const out: PlaceMatch[] = [];
  let oursEnd = -2;
  for (const m of matches) {
    const adjacent = m.start === oursEnd || (m.start === oursEnd + 1 && folded[oursEnd] === ' ');
    if (m.role === 'outside' && adjacent) {
      oursEnd = m.end;
      continue;
    }
    oursEnd = m.role === 'ours' ? m.end : -2;
    out.push(m);
  }
  return out;
}

/** Adjacent names form one mention (A市A3区, 颍州区文峰街道, 合肥市蜀山区): they share a chain number. */
function numberChains(matches: PlaceMatch[], folded: string): void {
  let chain = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i] as PlaceMatch;
    const prev = matches[i - 1];
    const adjacent = prev && (m.start === prev.end || (m.start === prev.end + 1 && folded[prev.end] === ' '));
    if (i > 0 && !adjacent) chain++;
    m.chain = chain;
  }
}

/** A county-level full name (ours or elsewhere); "芙蓉区路"-like names come from renamed roads. */
function isCountyLevel(g: Gazetteer, alias: AliasInfo): boolean {
  return alias.targets.some((t) => (t.type === 'region' && g.regions.get(t.code)?.level === 3) || (t.type === 'outside' && t.level === 'county'));
}

function roleOf(alias: AliasInfo): MatchRole {
  if (alias.targets.some((t) => t.type === 'region' || t.type === 'place')) return 'ours';
  if (alias.targets.some((t) => t.type === 'home')) return 'home';
  return 'outside';
}

/** 太和市 for 太和县 is a slip, not another place: county short forms keep their meaning. */
function isOurCountyShort(alias: AliasInfo): boolean {
  return alias.targets.some((t) => t.type === 'region' && t.strength === 'short' && !alias.targets.some((u) => u.type === 'outside'));
}

function hasWordBoundaries(folded: string, start: number, end: number): boolean {
  if (isAsciiAlnum(folded.charCodeAt(start)) && start > 0 && isAsciiAlnum(folded.charCodeAt(start - 1))) return false;
  if (isAsciiAlnum(folded.charCodeAt(end - 1)) && end < folded.length && isAsciiAlnum(folded.charCodeAt(end))) return false;
  return true;
}

/**
 * Our names directly after a place outside the city are inside that place: 合肥市 + 蜀山区, 亳州市 +
 * 利辛县 + 城关镇. An unknown county-like name (利辛县, not in any list) right before one of our
 * towns counts as outside too, unless it is one of our counties with one character wrong (颖州区).
 */
function suppressAfterOutside(g: Gazetteer, matches: PlaceMatch[], folded: string, original: string): void {
  let chainEnd = -2;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i] as PlaceMatch;
    const adjacent = m.start === chainEnd || (m.start === chainEnd + 1 && folded[chainEnd] === ' ');
    if (m.role === 'outside') {
      chainEnd = m.end;
      continue;
    }
    if (m.role !== 'ours') {
      chainEnd = -2;
      continue;
    }
    if (adjacent) {
      matches[i] = { ...m, role: 'suppressed' };
      chainEnd = m.end;
      continue;
    }
    const prevEnd = i > 0 ? (matches[i - 1] as PlaceMatch).end : -1;
    const unknown = prevEnd === m.start ? null : unknownAdminBefore(folded, m.start, prevEnd);
    if (unknown) {
      const meant = countyWithOneSlip(g, unknown);
      if (meant) {
        const start = m.start - meant.name.length;
        const alias: AliasInfo = { text: folded.slice(start, m.start), isShort: false, targets: [{ type: 'region', code: meant.code, strength: 'short' }] };
        matches.splice(i, 0, { start, end: m.start, text: original.slice(start, m.start), alias, role: 'ours', typoOf: meant.name, chain: 0 });
        i++;
      } else if (isBelowCounty(g, m)) {
        matches[i] = { ...m, role: 'suppressed', outsideOf: original.slice(m.start - Math.min(3, unknown.length), m.start) };
        chainEnd = m.end;
        continue;
      }
    }
    chainEnd = -2;
  }
}

/** An unknown "X县/X区/X市" ending right at `at` (2–5 characters, not a generic word), or null. */
function unknownAdminBefore(folded: string, at: number, floor: number): string | null {
  if (!ADMIN_AFTER.test(folded[at - 1] ?? '') || folded[at - 1] === '省') return null;
  let i = at - 1;
  while (i > Math.max(floor, at - 5) && /[\u4e00-\u9fff]/.test(folded[i - 1] ?? '')) i--;
  const name = folded.slice(i, at);
  if (name.length < 2 || GENERIC_ADMIN.has(folded.slice(at - 2, at)) || GENERIC_ADMIN.has(folded.slice(at - 3, at))) return null;
  return name;
}

/** Our county whose name is `name`'s tail with exactly one character changed (颖州区 → 颍州区), or null. */
function countyWithOneSlip(g: Gazetteer, name: string): { code: string; name: string } | null {
  for (const r of g.regions.values()) {
    if (r.level !== 3 || r.name.length < 3 || !name.endsWith(r.name.slice(-1))) continue;
    const tail = name.slice(-r.name.length);
    if (tail.length !== r.name.length || stripLevelSuffix(r.name, 3) === r.name) continue;
    let diff = 0;
    for (let k = 0; k < tail.length; k++) if (tail[k] !== r.name[k]) diff++;
    if (diff === 1) return { code: r.code, name: r.name };
  }
  return null;
}

function isBelowCounty(g: Gazetteer, m: PlaceMatch): boolean {
  return m.alias.targets.some((t) => (t.type === 'region' && (g.regions.get(t.code)?.level ?? 0) >= 4) || t.type === 'place');
}
