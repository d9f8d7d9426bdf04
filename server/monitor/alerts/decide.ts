// One story, one alert (同一事件只报一次): the firings of a batch are folded per story into at most
// one change — create the story's alert, or raise its open alert (higher level, new reasons).
// Nothing happens when the open alert already says as much, when the story was marked irrelevant,
// or when an alert on it was already handled at this level or higher (feedback.ts).
import type { AlertLevel } from '../../presenters/monitor';
import { levelRank, lowerLevel, maxLevel, type Firing } from './rules';

/** What the alerts table says about a story. */
export interface StoryAlertState {
  open: { id: number; level: AlertLevel; reasons: string[] } | null;
  markedIrrelevant: boolean;
  /** Highest level of its handled or dispatched alerts, if any. */
  closedLevel: AlertLevel | null;
}

/** A write the batch makes to the alerts table. */
export type AlertChange =
  | { kind: 'create'; storyId: number; postKey: string; level: AlertLevel; reasons: string[] }
  | { kind: 'raise'; alertId: number; storyId: number; postKey: string; level: AlertLevel; reasons: string[] };

/** The rule a reason came from: reasons read "<rule name>：<detail>". */
function reasonRule(reason: string): string {
  const k = reason.indexOf('：');
  return k < 0 ? reason : reason.slice(0, k);
}

/** A firing with whether its author is noisy (feedback.ts). */
export type StoryFiring = Firing & { noisyAuthor: boolean };

function adjustedLevel(f: StoryFiring): AlertLevel {
  return f.noisyAuthor ? lowerLevel(f.level) : f.level;
}

/** Level and reasons of a story's firings (author feedback applied) and the post that fired highest. */
function summarize(firings: readonly StoryFiring[]): { level: AlertLevel; reasons: string[]; postKey: string } {
  let top = firings[0]!;
  const reasons = new Map<string, string>();
  for (const f of firings) {
    if (levelRank(adjustedLevel(f)) > levelRank(adjustedLevel(top))) top = f;
    if (!reasons.has(f.ruleName)) reasons.set(f.ruleName, f.noisyAuthor ? `${f.reason}（该作者以往预警多被研判为无关，降一级）` : f.reason);
  }
  return { level: adjustedLevel(top), reasons: [...reasons.values()], postKey: top.postKey };
}

/** The change (if any) a story's firings make, given its alert history. */
export function decideAlert(storyId: number, firings: readonly StoryFiring[], state: StoryAlertState): AlertChange | null {
  if (firings.length === 0 || state.markedIrrelevant) return null;
  const { level, reasons, postKey } = summarize(firings);
  if (state.open) {
    const known = new Set(state.open.reasons.map(reasonRule));
    const added = reasons.filter((r) => !known.has(reasonRule(r)));
    const raised = maxLevel(state.open.level, level);
    if (raised === state.open.level && added.length === 0) return null;
    return { kind: 'raise', alertId: state.open.id, storyId, postKey, level: raised, reasons: [...state.open.reasons, ...added] };
  }
  if (state.closedLevel !== null && levelRank(level) <= levelRank(state.closedLevel)) return null;
  return { kind: 'create', storyId, postKey, level, reasons };
}
