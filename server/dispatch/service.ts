/**
 * Smart dispatch as the rest of the server sees it: one call reads an appeal's text and returns the
 * suggested categories, place, units (with why), urgency, and whether to assign automatically.
 * (Contract first; the implementation fills in behind it.)
 */
import type { AppContext } from '../context';
import type { Queryable } from '../db/pool';

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
  /** Reasons in Chinese, shown to the dispatcher (e.g. 分类「环境保护」按规则由生态环境局主管). */
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
  /** The first unit's confidence reached the city's auto-assign threshold. */
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

/** Suggests category, place, units and urgency for a text. */
export async function suggestDispatch(ctx: AppContext, db: Queryable, input: DispatchInput): Promise<DispatchSuggestion> {
  void ctx;
  void db;
  void input;
  throw new Error('suggestDispatch: not implemented yet');
}
