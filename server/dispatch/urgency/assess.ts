// Urgency (紧急程度): does the appeal describe a present danger to life or property? Each lexicon
// match is checked in its sentence before it counts — not negated (没有燃气味), not imagined
// (一旦发生火灾), not already over (已经修好), not a news story, drill or campaign (新闻报道的坍塌,
// 消防演练, 防火宣传). What remains makes the appeal urgent, with a reason quoting the words.
import { DEFAULT_DANGER_CATEGORIES, type DangerCategory } from './lexicon';

/** The verdict: urgent or not, the reasons in Chinese, and the words that matched. */
export interface UrgencyAssessment {
  isUrgent: boolean;
  /** e.g. 涉及燃气泄漏（“闻到很浓的燃气味”），可能危及生命安全 */
  reasons: string[];
  /** The matched words, for highlighting. */
  matched: string[];
  /** Codes of the danger categories found. */
  categories: string[];
}

interface CompiledCategory {
  category: DangerCategory;
  pattern: RegExp;
  exclude: RegExp | null;
}

/** A lexicon ready for matching; compile once and reuse. */
export interface CompiledLexicon {
  categories: readonly CompiledCategory[];
}

/** Compiles categories into regular expressions; a bad pattern throws naming its category. */
export function compileLexicon(categories: readonly DangerCategory[]): CompiledLexicon {
  return {
    categories: categories.map((category) => {
      try {
        const exclude = category.exclude && category.exclude.length > 0 ? new RegExp(category.exclude.join('|')) : null;
        return { category, pattern: new RegExp(category.patterns.map((p) => `(?:${p})`).join('|'), 'g'), exclude };
      } catch (e) {
        throw new Error(`danger category "${category.code}": ${(e as Error).message}`);
      }
    }),
  };
}

/** The shipped lexicon, compiled. */
export const DEFAULT_LEXICON: CompiledLexicon = compileLexicon(DEFAULT_DANGER_CATEGORIES);

const SENTENCE_END = /[。！？!?；;\n]/;
const CLAUSE_END = /[。！？!?；;\n，,、：:]/;
/** A negation right before the words (没有闻到燃气味); 没人/无人 (nobody) is not one. */
const NEGATED = /(?:没有|没(?!人)|未|并未|从未|不是|并非|不存在|不会|排除|不再|无(?!人))[^，。,]{0,3}$/;
/** Words that make what follows imagined or merely possible. */
const HYPOTHETICAL = /(?:一旦|万一|如果|若|假如|如若|以防|防止|预防|避免|谨防|以免|防范|杜绝|担心|害怕|恐怕|容易|易|可能|会不会|引发)[^，。,]{0,8}$/;
/** The sentence reports something else than a present danger here. */
const NOT_CURRENT = /新闻|报道|据报|电视上|视频里|网上看到|外地|外省|演练|演习|宣传|培训|讲座|科普|知识竞赛/;
/** The danger is over (已经修好), unless that is denied (还没修好). */
const RESOLVED = /(?:已经?|早已|已被|都已)(?:修好|修复|处理好?|解决|排除|恢复|扑灭|疏通|清理干净|更换|补上|盖上|加固|抢修完毕)/;

/** Assesses one appeal (title and text) against a lexicon (default: the shipped one). */
export function assessUrgency(title: string, text: string, lexicon: CompiledLexicon = DEFAULT_LEXICON): UrgencyAssessment {
  const t = title.trim();
  const full = t ? `${t}。${text}` : text;
  const reasons: string[] = [];
  const matched: string[] = [];
  const categories: string[] = [];
  for (const c of lexicon.categories) {
    c.pattern.lastIndex = 0;
    let found = false;
    for (let m = c.pattern.exec(full); m; m = c.pattern.exec(full)) {
      if (m[0].length === 0) {
        c.pattern.lastIndex++;
        continue;
      }
      if (!countsHere(full, m.index, m[0].length, c)) continue;
      if (!matched.includes(m[0]) && matched.length < 10) matched.push(m[0]);
      if (!found) {
        found = true;
        categories.push(c.category.code);
        reasons.push(`涉及${c.category.name}（“${snippet(full, m.index, m[0].length)}”），可能危及${c.category.harm}`);
      }
    }
  }
  return { isUrgent: reasons.length > 0, reasons, matched, categories };
}

/** Whether a match at [at, at+len) is a present danger in its sentence (see the file comment). */
function countsHere(full: string, at: number, len: number, c: CompiledCategory): boolean {
  const sentence = span(full, at, len, SENTENCE_END);
  const clause = span(full, at, len, CLAUSE_END);
  const sentenceText = full.slice(sentence.start, sentence.end);
  const before = full.slice(clause.start, at);
  if (NOT_CURRENT.test(sentenceText) || c.exclude?.test(sentenceText)) return false;
  if (NEGATED.test(before)) return false;
  if (c.category.hypotheticalCancels && HYPOTHETICAL.test(before)) return false;
  const resolved = RESOLVED.exec(sentenceText);
  if (resolved && !/(?:没|未|还没|尚未|没有)$/.test(sentenceText.slice(0, resolved.index))) return false;
  return true;
}

/** The stretch of text around [at, at+len) between two boundary characters. */
function span(full: string, at: number, len: number, boundary: RegExp): { start: number; end: number } {
  let start = at;
  while (start > 0 && !boundary.test(full[start - 1] as string)) start--;
  let end = at + len;
  while (end < full.length && !boundary.test(full[end] as string)) end++;
  return { start, end };
}

/** The clause around the match, at most 30 characters, for quoting in the reason. */
function snippet(full: string, at: number, len: number): string {
  const { start, end } = span(full, at, len, CLAUSE_END);
  const clause = full.slice(start, end).trim();
  if (clause.length <= 30) return clause;
  const from = Math.max(start, Math.min(at - 10, end - 30));
  return full.slice(from, Math.min(end, from + 30)).trim();
}
