/**
 * Dispatch work that runs as jobs: reading each new appeal (suggestion, duplicates, hot issue,
 * automatic assignment above the city's threshold) and the scheduled retraining on the city's
 * own settled appeals (whose final category and unit include every dispatcher's correction).
 */
import type { StaffPrincipal } from '../auth/principal';
import { transitionIn } from '../commands/transition';
import type { AppContext } from '../context';
import { withTransaction, type Queryable } from '../db/pool';
import { findAppealById } from '../repositories/appeals';
import { findSuggestion, insertCorrection, saveSuggestion, trainingRows } from '../repositories/dispatch';
import { SYSTEM_USER_ID } from '../seed/reference';
import { listRegions } from '../repositories/reference';
import { listUnits } from '../repositories/units';
import { trainWithHoldout, type LabelledExample } from './classifier/index';
import { clusterAppeal } from './cluster/store';
import { findClusterAppeal } from '../repositories/hot-issues';
import { installModel } from './models';
import { forgetDispatchCache, suggestDispatch, type DispatchSuggestion } from './service';

/** The system account automatic steps are recorded under. */
export const SYSTEM_PRINCIPAL: StaffPrincipal = { kind: 'staff', userId: SYSTEM_USER_ID, username: 'system', displayName: '智能分派', role: 'dispatcher', unit: null };

/** One pending dispatch job per appeal: submitting and accepting in one go queue it once. */
export const dispatchJobKey = (appealId: string): string => `dispatch_appeal:${appealId}`;

/**
 * Suggests for a new or just-accepted appeal and stores the suggestion; an accepted appeal whose
 * best unit reaches the threshold is assigned by the system account, with the reasons in the event.
 * Returns what was done (for tests and logs).
 */
export async function runDispatchAppeal(ctx: AppContext, appealId: string): Promise<'skipped' | 'suggested' | 'auto_assigned'> {
  // Its hot issue and proposed duplicates, once, in their own transaction (clustering serialises
  // on an advisory lock; holding the appeal's row lock meanwhile could deadlock). Membership, not a
  // stored suggestion, says it was clustered: a post dispatched as an appeal arrives with one.
  if ((await findClusterAppeal(ctx.pool, appealId))?.hotIssueId == null) await clusterAppeal(ctx.pool, appealId, ctx.now());
  return withTransaction(ctx.pool, async (db) => {
    const appeal = await findAppealById(db, appealId, true);
    if (!appeal || !['submitted', 'accepted'].includes(appeal.status)) return 'skipped';
    const stored = await findSuggestion<DispatchSuggestion>(db, appeal.id);
    const suggestion = stored?.suggestion ?? (await suggestDispatch(ctx, db, { title: appeal.title, text: appeal.body, address: appeal.address, latitude: appeal.latitude, longitude: appeal.longitude }));
    const top = suggestion.units[0];
    if (appeal.status !== 'accepted' || !suggestion.autoAssign || !top) {
      if (!stored) await saveSuggestion(db, appeal.id, suggestion, suggestion.modelId, false);
      return 'suggested';
    }
    await transitionIn(db, ctx, SYSTEM_PRINCIPAL, appeal.id, 'assign', {
      leadUnitId: top.unitId,
      coUnitIds: [],
      note: `智能分派（置信度${Math.round(top.p * 100)}%）：${top.why.join('；')}`.slice(0, 500),
    });
    await saveSuggestion(db, appeal.id, suggestion, suggestion.modelId, true);
    return 'auto_assigned';
  });
}

/**
 * Stores a dispatcher's choice next to the suggestion when it differs (a correction) — and when it
 * agrees, nothing: agreement is already implied by the appeal's final unit.
 */
export async function recordChoice(db: Queryable, appealId: string, kind: 'category' | 'unit', chosen: string, userId: string | null): Promise<void> {
  if (userId === SYSTEM_USER_ID) return;
  const stored = await findSuggestion<DispatchSuggestion>(db, appealId);
  if (!stored) return;
  const suggested = kind === 'unit' ? (stored.suggestion.units[0]?.unitId ?? null) : (stored.suggestion.categories[0]?.code ?? null);
  const same = kind === 'unit' ? suggested === chosen : suggested !== null && (chosen === suggested || chosen.startsWith(`${suggested}.`));
  if (!same) await insertCorrection(db, { appealId, kind, suggested, chosen, userId });
}

/** Minimum settled appeals before a city's own model replaces the one it has. */
export const MIN_TRAINING_ROWS = 200;
const MAX_TRAINING_ROWS = 50_000;

/** Trains category and unit models on the city's settled appeals and installs them; reports per kind. */
export async function retrainFromDatabase(ctx: AppContext, source = 'scheduled'): Promise<Record<'category' | 'unit', string>> {
  const rows = await trainingRows(ctx.pool, MAX_TRAINING_ROWS);
  // The city's place and unit names stay whole in segmentation (the issue's user dictionary).
  const [regions, units] = await Promise.all([listRegions(ctx.pool, 5), listUnits(ctx.pool)]);
  const userWords = [...new Set([...regions.map((r) => r.name), ...units.map((u) => u.name)])].filter((w) => w.length >= 2);
  const report = { category: '', unit: '' } as Record<'category' | 'unit', string>;
  for (const kind of ['category', 'unit'] as const) {
    const examples: LabelledExample[] = [];
    for (const r of rows) {
      const label = kind === 'category' ? r.category : r.unitCode;
      if (label) examples.push({ title: r.title, text: r.text, label });
    }
    const labels = new Set(examples.map((e) => e.label));
    if (examples.length < MIN_TRAINING_ROWS || labels.size < 2) {
      report[kind] = `skipped: ${examples.length} rows, ${labels.size} labels (need ${MIN_TRAINING_ROWS} rows and 2 labels)`;
      continue;
    }
    const { model, holdout } = trainWithHoldout(examples, { features: { userWords } });
    model.meta.dataFile = 'database';
    const id = await installModel(ctx.pool, kind, model, source);
    report[kind] = `installed ${id}: ${examples.length} rows, ${labels.size} labels${holdout ? `, hold-out macro-F1 ${holdout.macroF1.toFixed(3)}` : ''}`;
  }
  forgetDispatchCache();
  return report;
}
