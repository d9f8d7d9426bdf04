/**
 * Smart dispatch as the rest of the server sees it: one call reads an appeal's text and returns the
 * suggested categories, place, units (with why), urgency, and whether to assign automatically.
 */
import type { AppContext } from '../context';
import type { Queryable } from '../db/pool';
import { assignmentHistory, getSetting, listRoutingRules } from '../repositories/dispatch';
import { listCategories, type Category } from '../repositories/reference';
import { listUnits } from '../repositories/units';
import { ModelStore } from './models';
import { locate, placeReference } from './place-lookup';
import { rankUnits } from './routing';
import { assessUrgency } from './urgency/index';

export interface CategorySuggestion {
  code: string;
  name: string;
  p: number;
}

export interface UnitSuggestion {
  unitId: string;
  code: string;
  name: string;
  p: number;
  /** Reasons in Chinese, shown to the dispatcher (e.g. 规则：分类「环境保护」 → 生态环境局主管). */
  why: string[];
}

export interface PlaceSuggestion {
  /** Deepest region found (county or town code), or the city's code when nothing was found. */
  regionCode: string;
  regionName: string;
  level: 'city' | 'county' | 'town' | 'village';
  countyCode: string | null;
  townCode: string | null;
  detail: string[];
  why: string[];
}

export interface UrgencySuggestion {
  isUrgent: boolean;
  reasons: string[];
}

export interface DispatchSuggestion {
  categories: CategorySuggestion[];
  place: PlaceSuggestion;
  units: UnitSuggestion[];
  urgency: UrgencySuggestion;
  /** The first unit's confidence reached the city's auto-assign threshold (and auto-assign is on). */
  autoAssign: boolean;
  modelId: string | null;
}

export interface DispatchInput {
  title: string;
  text: string;
  address?: string | null | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
}

/** The city's auto-assign setting (off until an administrator turns it on). */
export interface AutoAssignSetting {
  enabled: boolean;
  threshold: number;
}

export const AUTO_ASSIGN_KEY = 'dispatch.autoAssign';
export const DEFAULT_AUTO_ASSIGN: AutoAssignSetting = { enabled: false, threshold: 0.9 };

/** One model cache per process (see ModelStore: it follows the database, so nodes stay stateless). */
export const models = new ModelStore();

const HISTORY_DAYS = 365;
const REFERENCE_TTL_MS = 60_000;
let reference: { at: number; categories: Category[]; history: Awaited<ReturnType<typeof assignmentHistory>> } | null = null;

/** Categories and assignment history change slowly: read them at most once a minute per node. */
async function referenceData(db: Queryable, now: Date) {
  if (!reference || now.getTime() - reference.at > REFERENCE_TTL_MS || now.getTime() < reference.at) {
    const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
    const [categories, history] = await Promise.all([listCategories(db), assignmentHistory(db, since)]);
    reference = { at: now.getTime(), categories, history };
  }
  return reference;
}

/** Forgets cached reference data (tests and admin changes that must show at once). */
export function forgetDispatchCache(): void {
  reference = null;
  models.invalidate();
}

/** Maps model labels (category codes, or names as in a CSV-trained model) to categories. */
function toCategories(top: { label: string; p: number }[], categories: Category[]): CategorySuggestion[] {
  const out: CategorySuggestion[] = [];
  for (const { label, p } of top) {
    const c = categories.find((x) => x.code === label) ?? categories.find((x) => x.name === label && x.level === 1) ?? categories.find((x) => x.name === label);
    if (c && !out.some((o) => o.code === c.code)) out.push({ code: c.code, name: c.name, p });
  }
  return out;
}

/** Suggests category, place, units and urgency for a text. */
export async function suggestDispatch(ctx: AppContext, db: Queryable, input: DispatchInput): Promise<DispatchSuggestion> {
  const now = ctx.now();
  // Only reference data is read, so it comes from the pool in parallel even when the caller is
  // inside a transaction (`db`): one client runs one query at a time.
  void db;
  const pool = ctx.pool;
  const [ref, placeRef, rules, units, categoryModel, unitModel, autoAssign] = await Promise.all([
    referenceData(pool, now),
    placeReference(pool, now),
    listRoutingRules(pool, true),
    listUnits(pool),
    models.get(pool, 'category'),
    models.get(pool, 'unit'),
    getSetting<AutoAssignSetting>(pool, AUTO_ASSIGN_KEY, DEFAULT_AUTO_ASSIGN),
  ]);
  const categories = categoryModel ? toCategories(categoryModel.model.classify(input.title, input.text, 3).top, ref.categories) : [];
  const place = locate(placeRef, input);
  const text = `${input.title} ${input.text}`;
  const ranked = rankUnits({
    text,
    categories: categories.length > 0 ? categories : [{ code: '', name: '未分类', p: 1 }],
    place: { regionCode: place.regionCode, regionName: place.regionName, countyCode: place.countyCode, townCode: place.townCode, path: placeRef.paths.get(place.regionCode) ?? '' },
    rules,
    units,
    history: ref.history,
    unitModel: unitModel ? unitModel.model.classify(input.title, input.text, 5).top.map((t) => ({ code: t.label, p: t.p })) : undefined,
    regionPaths: placeRef.paths,
  });
  const urgency = assessUrgency(input.title, input.text);
  const top = ranked[0];
  return {
    categories,
    place,
    units: ranked,
    urgency: { isUrgent: urgency.isUrgent, reasons: urgency.reasons },
    autoAssign: autoAssign.enabled && top !== undefined && top.p >= autoAssign.threshold,
    modelId: categoryModel?.id ?? null,
  };
}
