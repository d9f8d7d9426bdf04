/**
 * Unit routing (谁主管 + 属地): from the category probabilities, the place, the city's routing rules
 * and what dispatchers did before, a ranked list of units with a confidence and the reasons.
 *
 * For each likely category c (probability p_c) the candidate units get a distribution U_c mixing
 * the best-matching rule (weight 2 when one matches) and the history of lead units for that
 * category (weight n / (n + 5), county history preferred over city-wide) and an "unknown" share
 * (weight 0.25), so a lone rule gives at most 0.89 and one past case 0.4; a unit's score is
 * Σ_c p_c · U_c(unit), optionally averaged with a unit classifier trained on the city's own
 * assignments. Pure: every input comes from the caller.
 */

/** A rule as routing needs it. */
export interface RuleInput {
  id: string;
  categoryCode: string | null;
  regionCode: string | null;
  keyword: string | null;
  target: 'unit' | 'territorial';
  unitId: string | null;
  priority: number;
}

/** A unit as routing needs it. */
export interface UnitInput {
  id: string;
  code: string;
  name: string;
  kind: string;
  regionCode: string;
  isActive: boolean;
}

export interface RoutingInput {
  text: string;
  /** Top categories (codes of any level) with probabilities. */
  categories: { code: string; name: string; p: number }[];
  /** The place found: deepest region, its county and town, and the region path of the deepest. */
  place: { regionCode: string; regionName: string; countyCode: string | null; townCode: string | null; path: string };
  rules: RuleInput[];
  units: UnitInput[];
  /** Lead-unit counts by top-level category code and county (null county = city-wide total). */
  history: { category: string; countyCode: string | null; unitId: string; n: number }[];
  /** Probabilities of a unit classifier by unit code, if the city trained one. */
  unitModel?: { code: string; p: number }[] | undefined;
  /** Region paths by code (to test "inside a rule's region"). */
  regionPaths: Map<string, string>;
}

export interface RankedUnit {
  unitId: string;
  code: string;
  name: string;
  p: number;
  why: string[];
}

const RULE_WEIGHT = 2;
const HISTORY_PRIOR = 5;
/** Mass kept for "none of these": a lone rule or a thin history never means certainty. */
const UNKNOWN_WEIGHT = 0.25;

/**
 * Keywords are written as alternatives: 燃气|煤气|天然气. Returns the first alternative found and
 * how often the alternatives occur (a text that keeps saying 燃气 is about gas, not the 物业 it
 * mentions once).
 */
function keywordHit(keyword: string, text: string): { word: string; count: number } | null {
  let word: string | null = null;
  let count = 0;
  for (const k of keyword.split(/[|｜,，]/).map((s) => s.trim()).filter(Boolean)) {
    const n = text.split(k).length - 1;
    if (n > 0) {
      word ??= k;
      count += n;
    }
  }
  return word ? { word, count } : null;
}

/** Whether a category code is the rule's category or under it (01.02 is under 01). */
function categoryMatches(ruleCode: string, code: string): boolean {
  return code === ruleCode || code.startsWith(`${ruleCode}.`) || ruleCode.startsWith(`${code}.`);
}

/** The unit of the region's own government for a territorial rule: the town's, else the county's. */
function territorialUnit(input: RoutingInput): { unit: UnitInput; level: string } | null {
  const byRegion = (code: string | null) => (code ? input.units.find((u) => u.kind === 'region' && u.regionCode === code && u.isActive) : undefined);
  const town = byRegion(input.place.townCode);
  if (town) return { unit: town, level: 'town' };
  const county = byRegion(input.place.countyCode);
  return county ? { unit: county, level: 'county' } : null;
}

interface RuleMatch {
  rule: RuleInput;
  specificity: number;
  keyword: string | null;
}

/** The most specific matching rules for one category (keyword 4, category 2, region 1, then priority, then keyword count). */
function bestRules(input: RoutingInput, categoryCode: string): RuleMatch[] {
  const matches: RuleMatch[] = [];
  for (const rule of input.rules) {
    if (rule.categoryCode && !categoryMatches(rule.categoryCode, categoryCode)) continue;
    if (rule.regionCode) {
      const rulePath = input.regionPaths.get(rule.regionCode);
      if (!rulePath || !input.place.path.startsWith(rulePath)) continue;
    }
    let keyword: string | null = null;
    let hits = 0;
    if (rule.keyword) {
      const hit = keywordHit(rule.keyword, input.text);
      if (!hit) continue;
      keyword = hit.word;
      hits = Math.min(hit.count, 9);
    }
    // Priority decides between equally specific rules first, then how often the keywords occur.
    const specificity = (rule.keyword ? 4 : 0) + (rule.categoryCode ? 2 : 0) + (rule.regionCode ? 1 : 0) + rule.priority / 1000 + hits / 1e5;
    matches.push({ rule, specificity, keyword });
  }
  if (matches.length === 0) return [];
  const top = Math.max(...matches.map((m) => m.specificity));
  return matches.filter((m) => m.specificity === top);
}

/** Ranks units; at most `k`, probabilities summing to at most 1. */
export function rankUnits(input: RoutingInput, k = 3): RankedUnit[] {
  const unitsById = new Map(input.units.filter((u) => u.isActive).map((u) => [u.id, u]));
  const scores = new Map<string, number>();
  const why = new Map<string, string[]>();
  const add = (unitId: string, score: number, reason: string | null) => {
    if (!unitsById.has(unitId) || score <= 0) return;
    scores.set(unitId, (scores.get(unitId) ?? 0) + score);
    if (reason) {
      const list = why.get(unitId) ?? [];
      if (!list.includes(reason)) list.push(reason);
      why.set(unitId, list);
    }
  };
  const total = input.categories.reduce((s, c) => s + c.p, 0) || 1;
  for (const cat of input.categories) {
    const pc = cat.p / total;
    const rules = bestRules(input, cat.code);
    const top = cat.code.split('.')[0] as string;
    const county = input.place.countyCode;
    const local = input.history.filter((h) => h.category === top && county !== null && h.countyCode === county);
    const hist = local.length > 0 ? local : aggregateCitywide(input.history.filter((h) => h.category === top));
    const n = hist.reduce((s, h) => s + h.n, 0);
    const wr = rules.length > 0 ? RULE_WEIGHT : 0;
    const wh = n / (n + HISTORY_PRIOR);
    if (wr + wh === 0) continue;
    const norm = wr + wh + UNKNOWN_WEIGHT;
    for (const m of rules) {
      const target = m.rule.target === 'unit' ? (m.rule.unitId ? unitsById.get(m.rule.unitId) : undefined) : territorialUnit(input)?.unit;
      if (!target) continue;
      add(target.id, (pc * wr) / norm / rules.length, ruleReason(m, cat.name, target, input));
    }
    for (const h of hist) {
      const unit = unitsById.get(h.unitId);
      if (!unit) continue;
      const where = local.length > 0 ? `${input.place.regionName}` : '全市';
      add(h.unitId, ((pc * wh) / norm) * (h.n / n), `历史：${where}「${cat.name}」类诉求${n}件中${h.n}件由${unit.name}主办`);
    }
  }
  if (input.unitModel && input.unitModel.length > 0) mixUnitModel(input, unitsById, scores, why);
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, k)
    .map(([unitId, p]) => {
      const u = unitsById.get(unitId) as UnitInput;
      return { unitId, code: u.code, name: u.name, p: Math.min(1, p), why: why.get(unitId) ?? [] };
    });
}

function aggregateCitywide(rows: RoutingInput['history']): RoutingInput['history'] {
  const byUnit = new Map<string, number>();
  for (const r of rows) byUnit.set(r.unitId, (byUnit.get(r.unitId) ?? 0) + r.n);
  return [...byUnit.entries()].map(([unitId, n]) => ({ category: rows[0]?.category ?? '', countyCode: null, unitId, n }));
}

function ruleReason(m: RuleMatch, categoryName: string, unit: UnitInput, input: RoutingInput): string {
  const parts: string[] = [];
  if (m.keyword) parts.push(`关键词“${m.keyword}”`);
  if (m.rule.categoryCode) parts.push(`分类「${categoryName}」`);
  if (m.rule.regionCode) parts.push(`区域${input.place.regionName}`);
  if (m.rule.target === 'territorial') return `规则：${parts.join('、') || '默认'}按属地交办 → ${unit.name}`;
  return `规则：${parts.join('、') || '默认'} → ${unit.name}主管`;
}

/** Averages the rule/history scores with a unit classifier's probabilities (equal weight). */
function mixUnitModel(input: RoutingInput, unitsById: Map<string, UnitInput>, scores: Map<string, number>, why: Map<string, string[]>): void {
  const byCode = new Map([...unitsById.values()].map((u) => [u.code, u]));
  for (const [id, s] of scores) scores.set(id, s / 2);
  for (const { code, p } of input.unitModel ?? []) {
    const unit = byCode.get(code);
    if (!unit || p < 0.01) continue;
    scores.set(unit.id, (scores.get(unit.id) ?? 0) + p / 2);
    const list = why.get(unit.id) ?? [];
    list.push(`模型：按本市以往派单学习，${Math.round(p * 100)}%`);
    why.set(unit.id, list);
  }
}
