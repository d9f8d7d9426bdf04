// How people write a region's name: the full name (颍州区, 文峰街道) and the short forms they use
// (颍州, 文峰). Short forms are where false matches come from, so each alias carries a strength:
//   full  — the official name: counts on its own;
//   short — a distinctive short form (颍州, 三十里铺): counts on its own;
//   weak  — a short form that is an everyday word or too short to trust (城关, 向阳, 新村, 西湖, 王店):
//           counts only when the same county is named by other evidence in the text.
import { hasCjk } from './fold';

/** Strength of an alias (see the file comment). */
export type AliasStrength = 'full' | 'short' | 'weak';

/** One way of writing a region's name. */
export interface RegionAlias {
  text: string;
  strength: AliasStrength;
}

/** Administrative levels below the city, as in the regions table (3 county, 4 town, 5 village/community). */
export type SubCityLevel = 3 | 4 | 5;

/** Name endings per level, longest first, so 回族乡 is removed before 乡. */
const SUFFIXES: Record<SubCityLevel, string[]> = {
  3: ['自治县', '自治旗', '林区', '特区', '区', '县', '市', '旗'],
  4: ['街道办事处', '办事处', '街道', '回族乡', '民族乡', '镇', '乡', '苏木'],
  5: ['村民委员会', '居民委员会', '社区居委会', '村委会', '居委会', '社区', '村'],
};

/**
 * Words that are also everyday words, road names or compass phrases all over China: as a short
 * form they never count alone. Cities extend this through the gazetteer input (`commonWords`).
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set([
  '城关', '城东', '城南', '城西', '城北', '城中', '城郊', '东城', '西城', '南城', '北城', '新城', '老城', '古城',
  '市区', '城区', '郊区', '新区', '开发', '高新', '经开', '工业', '中心', '中山', '人民', '解放', '建设', '胜利',
  '和平', '新华', '朝阳', '长安', '向阳', '红星', '五星', '光明', '前进', '东风', '团结', '幸福', '友谊', '红旗',
  '新兴', '新村', '新集', '新建', '东方', '太平', '永安', '平安', '文化', '青山', '南山', '北山', '东山', '西山',
  '西湖', '东湖', '南湖', '北湖', '九龙', '三合', '双庙', '龙王', '河东', '河西', '江北', '江南', '清河', '鼓楼',
  '大新',
]);

/** Organisation words a development zone's name ends with; they make a poor short form. */
const ZONE_WORDS = ['经济技术开发区', '经济开发区', '高新技术产业开发区', '开发区管理委员会', '管理委员会', '开发区', '管委会', '工业园区', '园区'];

/** The body of a name without its level suffix (颍州区 → 颍州), or the name itself. */
export function stripLevelSuffix(name: string, level: SubCityLevel): string {
  for (const s of SUFFIXES[level]) if (name.endsWith(s) && name.length > s.length) return name.slice(0, -s.length);
  return name;
}

/** A short form's strength: common words and two-character town/village names need support. */
function shortStrength(body: string, level: SubCityLevel, common: ReadonlySet<string>): AliasStrength {
  if (common.has(body)) return 'weak';
  if (level >= 4 && body.length <= 2) return 'weak';
  return 'short';
}

/**
 * The aliases of a region name. `provinceShort` (安徽) lets "安徽颍州经济开发区" also be found as
 * "颍州经济开发区"; zones get no bare short form (颍州 is the county, not the zone); `parentNames`
 * (the county's full and short names) name a zone that has no name of its own.
 */
export function regionAliases(
  name: string,
  level: SubCityLevel,
  opts: { provinceShort?: string; common?: ReadonlySet<string>; parentNames?: readonly string[] } = {},
): RegionAlias[] {
  const common = opts.common ?? COMMON_WORDS;
  const out: RegionAlias[] = [{ text: name, strength: 'full' }];
  const add = (text: string, strength: AliasStrength): void => {
    if (text.length >= 2 && hasCjk(text) && !out.some((a) => a.text === text)) out.push({ text, strength });
  };
  let base = name;
  if (opts.provinceShort && base.startsWith(opts.provinceShort) && base.length - opts.provinceShort.length >= 3) {
    base = base.slice(opts.provinceShort.length);
    add(base, 'full');
  }
  const zone = ZONE_WORDS.find((w) => base.endsWith(w));
  if (zone) {
    // 颍州经济开发区 → 颍州开发区; a bare 开发区管理委员会 has no distinctive part: it stays weak and is
    // found as 太和开发区 / 太和县开发区 through its county's names.
    const body = base.slice(0, -zone.length);
    if (body.length >= 2) add(`${body}开发区`, 'full');
    else {
      out[0] = { text: name, strength: 'weak' };
      for (const p of opts.parentNames ?? []) add(`${p}开发区`, 'full');
    }
    return out;
  }
  // 赛涧回族乡 → 赛涧乡 (still an official-looking name) and 赛涧 (short).
  for (const ethnic of ['回族乡', '民族乡']) {
    if (base.endsWith(ethnic) && base.length > ethnic.length + 1) add(`${base.slice(0, -ethnic.length)}乡`, 'full');
  }
  if (level === 4 && base.endsWith('街道办事处')) add(base.slice(0, -3), 'full');
  const body = stripLevelSuffix(base, level);
  if (body !== base) add(body, shortStrength(body, level, common));
  return out;
}
