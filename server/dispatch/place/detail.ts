// Street-level detail found by pattern, whether or not the place list knows it: a name ending in a
// place word (…路, …小区, …村, …医院, …镇). Chinese has no spaces, so a name's start is found by
// walking left from the place word until punctuation, a function word (在, 的, 我 …), a known
// administrative name, or the previous detail — the cheap heuristic is good enough for showing
// the dispatcher "清河路" and for learning which names belong to which county.
import { isCjk } from './fold';
import type { PlaceKind } from './gazetteer';

/** A detail name found in the text: [start, end) offsets into it. */
export interface DetailCandidate {
  name: string;
  kind: PlaceKind;
  start: number;
  end: number;
}

interface SuffixRule {
  kind: PlaceKind;
  maxBody: number;
  /** Characters that, right before the suffix, make it an everyday word (道路, 马路, 农村). */
  rejectBefore?: string;
  /** Characters that, right after it, make it another word (路费, 村民, 乡村). */
  rejectAfter?: string;
}

const ROAD: SuffixRule = { kind: 'road', maxBody: 6 };
const COMMUNITY: SuffixRule = { kind: 'community', maxBody: 8 };
const LANDMARK: SuffixRule = { kind: 'landmark', maxBody: 10 };
const TOWN: SuffixRule = { kind: 'town', maxBody: 5 };

/** Place words, longest first within the regex alternation. */
const RULES: Record<string, SuffixRule> = {
  大道: ROAD,
  大街: ROAD,
  胡同: ROAD,
  路: { ...ROAD, rejectBefore: '道公马线网思电门出走上让铁水陆一半去来回进退迷开修断封堵拦挖领带引套生活岔小旧同顺近远绕弯抄歧段', rejectAfter: '费过径线演人子数灯面况' },
  街: { ...ROAD, rejectBefore: '上逛沿临满当过扫整一条', rejectAfter: '坊头' },
  巷: { ...ROAD, rejectBefore: '小深陋' },
  小区: COMMUNITY,
  社区: COMMUNITY,
  花园: COMMUNITY,
  家园: { ...COMMUNITY, rejectBefore: '美精' },
  公寓: COMMUNITY,
  新村: COMMUNITY,
  山庄: COMMUNITY,
  苑: COMMUNITY,
  村: { kind: 'village', maxBody: 5, rejectBefore: '农乡本全该我同邻进出各此回到整新', rejectAfter: '民干级里支医道子庄务' },
  广场: LANDMARK,
  公园: LANDMARK,
  医院: LANDMARK,
  卫生院: LANDMARK,
  小学: LANDMARK,
  中学: LANDMARK,
  大学: LANDMARK,
  学校: LANDMARK,
  幼儿园: LANDMARK,
  市场: LANDMARK,
  车站: LANDMARK,
  商场: LANDMARK,
  大厦: LANDMARK,
  酒店: LANDMARK,
  宾馆: LANDMARK,
  工业园: LANDMARK,
  产业园: LANDMARK,
  街道: { ...TOWN, rejectBefore: '的条' },
  镇: { ...TOWN, rejectBefore: '城乡村集小', rejectAfter: '压定静痛' },
  乡: { ...TOWN, rejectBefore: '城家老下返回故他异思同本外市县', rejectAfter: '村镇亲下土愁音情里间' },
};

/** Place words by their first character, longest first: one Map lookup per character of text. */
const SUFFIXES_BY_FIRST = new Map<number, string[]>();
for (const s of Object.keys(RULES).sort((a, b) => b.length - a.length)) {
  const list = SUFFIXES_BY_FIRST.get(s.charCodeAt(0));
  if (list) list.push(s);
  else SUFFIXES_BY_FIRST.set(s.charCodeAt(0), [s]);
}

/** The place word starting at `at`, if any (longest first). */
function suffixAt(folded: string, at: number): string | undefined {
  const list = SUFFIXES_BY_FIRST.get(folded.charCodeAt(at));
  return list?.find((s) => s.length === 1 || folded.startsWith(s, at));
}

/** Words that end a name when walking left; a name may still start with one (和平路, 自由路, 会龙镇). */
const STOP = new Set('于到从对向至往为要将该附位处住及与或即距靠经沿过自由跟和而但却太最更能会可应需想去来有无不其共约叫称'.split(''));
/** Function words that are never inside a name: reaching one ends the walk even before two characters. */
const HARD_STOP = new Set('的了在是我你他她它们这那把被给让因请就都也还又说着很已曾没每'.split(''));

/** Characters that end an administrative name: 蜀山区长江西路 → 长江西路. */
const ADMIN_END = new Set('省市区县镇乡'.split(''));

/** Names that are not names: "我们小区", "附近医院", "房地产市场". */
const GENERIC_BODIES = new Set(
  [
    '我们', '我家', '这个', '那个', '整个', '附近', '周边', '周围', '所在', '当地', '其他', '其它', '一些', '这些', '那些', '所有',
    '很多', '多个', '一个', '两个', '几个', '同一', '新建', '在建', '大型', '老旧', '部分', '这座', '这所', '那所', '公立', '私立',
    '民办', '公办', '正规', '各大', '所属', '对面', '隔壁', '旁边', '房地产', '劳动力', '人才', '城乡', '城市', '农村', '乡村', '偏远',
    '沿途', '主干', '住宅', '商品房', '安置', '高档', '普通', '一般', '本地', '外地', '市级', '县级', '省级', '区级', '市内', '县城',
    '乡镇', '全国', '各地', '全省', '全市', '城区', '市区', '老', '新', '小', '大', '县', '市', '区', '省', '该', '本', '全',
  ],
);

/** Finds detail candidates in `folded` text; `blocked` spans (known names) end a name walking left. */
export function findDetails(folded: string, original: string, blocked: readonly { start: number; end: number }[]): DetailCandidate[] {
  const blockedEnds = new Set(blocked.map((b) => b.end));
  const out: DetailCandidate[] = [];
  let boundary = 0;
  for (let at = 0; at < folded.length; at++) {
    const suffix = suffixAt(folded, at);
    if (suffix === undefined) continue;
    const found = candidateAt(folded, original, at, suffix, boundary, out, blocked, blockedEnds);
    if (found) boundary = found.end;
    // Like a regex scan, the place word is consumed: 小区 is never also read as 区.
    at += suffix.length - 1;
  }
  return out;
}

/** The candidate ending with the place word at `at` (appended to or merged into `out`), or null. */
function candidateAt(
  folded: string,
  original: string,
  at: number,
  suffix: string,
  boundary: number,
  out: DetailCandidate[],
  blocked: readonly { start: number; end: number }[],
  blockedEnds: ReadonlySet<number>,
): DetailCandidate | null {
  const rule = RULES[suffix] as SuffixRule;
  const end = at + suffix.length;
  if (blocked.some((b) => at >= b.start && at < b.end)) return null;
  const before = folded[at - 1];
  const after = folded[end];
  if ((before && rule.rejectBefore?.includes(before)) || (after && rule.rejectAfter?.includes(after))) return null;
  const prev = out[out.length - 1];
  if (prev && prev.end === at && prev.kind !== 'town') {
    // 清河路 + 社区 → 清河路社区; 人民路 + 小学 → 人民路小学.
    const merged = { name: original.slice(prev.start, end), kind: rule.kind, start: prev.start, end };
    out[out.length - 1] = merged;
    return merged;
  }
  const start = walkLeft(folded, at, boundary, rule.maxBody, blockedEnds);
  const body = folded.slice(start, at);
  if (body.length < 2 || GENERIC_BODIES.has(body)) return null;
  const c = { name: original.slice(start, end), kind: rule.kind, start, end };
  out.push(c);
  return c;
}

/** Where a name ending at `at` starts: CJK only, never across a known name; a stop word or an admin suffix ends it once it has two characters. */
function walkLeft(folded: string, at: number, floor: number, maxBody: number, blockedEnds: ReadonlySet<number>): number {
  let i = at;
  while (i > floor && at - i < maxBody && !blockedEnds.has(i)) {
    if (!isCjk(folded.charCodeAt(i - 1))) break;
    const c = folded[i - 1] as string;
    if (HARD_STOP.has(c) || ((STOP.has(c) || ADMIN_END.has(c)) && at - i >= 2)) break;
    i--;
  }
  return i;
}
