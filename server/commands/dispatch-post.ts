/**
 * 转为诉求: the duty officer turns a monitored post into an appeal. One transaction submits it on
 * the opinion channel (channel_ref `post:<id>`, so a second dispatch returns the same appeal),
 * accepts it and assigns it to the unit smart dispatch proposes (or the one the officer chose) as
 * the duty officer, with the clock counting from the post's publication; records the measured
 * loop's times and marks the alert dispatched, telling every open console.
 */
import type { StaffPrincipal } from '../auth/principal';
import type { AppContext } from '../context';
import { withTransaction, type PoolClient } from '../db/pool';
import { suggestDispatch, type DispatchSuggestion } from '../dispatch/service';
import { AppError, invalid, notFound } from '../errors';
import { notifyAlertChanged } from '../monitor/alerts/notify';
import { findAppealById, type Appeal } from '../repositories/appeals';
import { saveSuggestion } from '../repositories/dispatch';
import { findAlert, findDispatch, findOpenAlertOfStory, findPost, firstAlertOfPost, insertDispatch, markAlert, type DutyAlertRow, type DutyPostRow } from '../repositories/monitor-duty';
import { findCategory } from '../repositories/reference';
import { findUnits } from '../repositories/units';
import { LIMITS } from '../../shared/domain';
import { submitAppealIn } from './submit-appeal';
import { transitionIn } from './transition';
import { shanghaiText } from '../export/workbook';
import { PLATFORM_LABELS } from '../../shared/monitor';

/** What the duty officer may decide; everything else comes from the post and smart dispatch. */
export interface DispatchPostInput {
  alertId?: string | undefined;
  unitId?: string | undefined;
  categoryCode?: string | undefined;
  title?: string | undefined;
  note?: string | undefined;
}

/** The appeal a post became, and the loop's first times. */
export interface DispatchPostResult {
  appeal: Appeal;
  isNew: boolean;
  alertId: string | null;
  postedAt: Date;
  detectedAt: Date;
  dispatchedAt: Date;
}

/** The contact stored on an appeal from a post: not a phone (no SMS is sent to it), unique per post so no two such appeals look related. */
export function opinionContact(postId: string): string {
  return `舆情帖子#${postId}`;
}

/** The appeal's text: the post, where it was published and by whom, and the officer's note. */
function appealBody(post: DutyPostRow, note: string | undefined): string {
  const when = shanghaiText(post.published_at);
  const source = [`来源：${PLATFORM_LABELS[post.platform] ?? post.platform}`, post.author_name ? `@${post.author_name}` : null, `发布于${when}`, post.url ? `原文 ${post.url}` : null]
    .filter(Boolean)
    .join(' ');
  const tail = `\n——\n${source}${note ? `\n值班员备注：${note}` : ''}`;
  const text = post.title && !post.text.includes(post.title) ? `${post.title}\n${post.text}` : post.text;
  return text.slice(0, LIMITS.bodyMax - tail.length) + tail;
}

/** The appeal's title: the officer's, the post's, or the text's first words. */
function appealTitle(post: DutyPostRow, title: string | undefined): string {
  const t = (title ?? post.title ?? post.text).replace(/\s+/g, ' ').trim();
  return t.length > 30 && !title && !post.title ? `${t.slice(0, 30)}…` : t.slice(0, LIMITS.titleMax);
}

/** Smart dispatch's proposal, or null when the service is unavailable (the officer must then choose). */
async function proposal(ctx: AppContext, post: DutyPostRow, title: string): Promise<DispatchSuggestion | null> {
  try {
    return await suggestDispatch(ctx, ctx.pool, { title, text: post.text, address: post.place, latitude: post.latitude, longitude: post.longitude });
  } catch {
    return null;
  }
}

/** The alert this dispatch answers: the one named (must be of the post's story) or the story's open one. */
async function alertFor(db: PoolClient, post: DutyPostRow, alertId: string | undefined): Promise<DutyAlertRow | null> {
  if (!alertId) return post.story_id === null ? null : findOpenAlertOfStory(db, String(post.story_id));
  const alert = await findAlert(db, alertId, true);
  if (!alert) throw invalid('alertId', 'no such alert');
  if (alert.post_id !== post.id && alert.story_id !== post.story_id) throw invalid('alertId', 'the alert belongs to another story');
  return alert;
}

/** Closes the alert as dispatched to `appealId` (if it is still open) and tells every console. */
async function closeAlert(db: PoolClient, alert: DutyAlertRow | null, appealId: string, userId: string, at: Date): Promise<void> {
  if (!alert) return;
  if (alert.status === 'dispatched' && alert.appeal_id === appealId) return;
  if (alert.status !== 'open') throw new AppError(409, 'CONFLICT', `alertId: the alert is already ${alert.status}`, [{ field: 'body.alertId', message: alert.status }]);
  await markAlert(db, String(alert.id), { status: 'dispatched', note: null, userId, appealId, at });
  await notifyAlertChanged(db, alert.id);
}

/** Checks the officer's choices before anything is written, so a bad one is a 400 naming the field. */
async function checkChoices(ctx: AppContext, input: DispatchPostInput): Promise<void> {
  if (input.unitId) {
    const [unit] = await findUnits(ctx.pool, [input.unitId]);
    if (!unit) throw invalid('unitId', 'no such unit');
    if (!unit.isActive) throw invalid('unitId', `unit ${unit.name} is inactive`);
  }
  if (input.categoryCode && !(await findCategory(ctx.pool, input.categoryCode))) throw invalid('categoryCode', 'unknown category');
}

/** 转为诉求 — see the file comment. Dispatching a post twice returns the first appeal (isNew false). */
export async function dispatchPost(ctx: AppContext, officer: StaffPrincipal, postId: string, input: DispatchPostInput): Promise<DispatchPostResult> {
  const post = await findPost(ctx.pool, postId);
  if (!post) throw notFound('post');
  await checkChoices(ctx, input);
  const title = appealTitle(post, input.title);
  const done = await findDispatch(ctx.pool, postId);
  const suggestion = done || (input.unitId && input.categoryCode) ? null : await proposal(ctx, post, title);
  const unitId = input.unitId ?? suggestion?.units[0]?.unitId;
  if (!done && !unitId) throw invalid('unitId', '智能分派暂未给出承办单位，请选择承办单位');
  const categoryCode = input.categoryCode ?? suggestion?.categories[0]?.code;

  return withTransaction(ctx.pool, async (db) => {
    const locked = await findPost(db, postId, true);
    if (!locked) throw notFound('post');
    const now = ctx.now();
    const alert = await alertFor(db, locked, input.alertId);
    const existing = await findDispatch(db, postId);
    if (existing) {
      await closeAlert(db, alert, existing.appealId, officer.userId, now);
      const appeal = await findAppealById(db, existing.appealId);
      if (!appeal) throw new Error('dispatched appeal vanished');
      return { appeal, isNew: false, alertId: existing.alertId, postedAt: existing.postedAt, detectedAt: existing.detectedAt, dispatchedAt: existing.dispatchedAt };
    }
    if (!unitId) throw invalid('unitId', '请选择承办单位');
    const postedAt = locked.published_at < now ? locked.published_at : now;
    const submitted = await submitAppealIn(db, ctx, officer, {
      title,
      body: appealBody(locked, input.note),
      categoryCode,
      address: locked.place ?? undefined,
      ...(locked.latitude !== null && locked.longitude !== null ? { latitude: locked.latitude, longitude: locked.longitude } : {}),
      regionCode: locked.region_code ?? undefined,
      phone: opinionContact(String(locked.id)),
      isConfidential: false,
      mayPublish: false,
      attachmentIds: [],
      channel: 'opinion',
      channelRef: `post:${locked.id}`,
      clockStartsAt: postedAt,
    });
    let appeal = submitted.appeal;
    // Kept like any appeal's suggestion, so an officer's different choice is recorded as a correction.
    if (suggestion && submitted.isNew) await saveSuggestion(db, appeal.id, suggestion, suggestion.modelId, false);
    if (appeal.status === 'submitted') {
      const urgent = suggestion?.urgency.isUrgent ? { timeLimitClass: 'urgent' as const } : {};
      appeal = (await transitionIn(db, ctx, officer, appeal.id, 'accept', { ...urgent, note: '舆情转办' })).appeal;
    }
    if (appeal.status === 'accepted') {
      appeal = (await transitionIn(db, ctx, officer, appeal.id, 'assign', { leadUnitId: unitId, coUnitIds: [], ...(input.note ? { note: input.note } : {}) })).appeal;
    }
    const first = alert ? { id: String(alert.id), createdAt: alert.created_at } : await firstAlertOfPost(db, postId);
    // Detected when the alert was raised; a story's alert older than this post means the post itself was seen on arrival.
    const detectedAt = first && first.createdAt > locked.received_at ? first.createdAt : locked.received_at;
    await insertDispatch(db, { postId, appealId: appeal.id, alertId: first?.id ?? null, postedAt, detectedAt, dispatchedAt: now, dispatchedBy: officer.userId });
    await closeAlert(db, alert, appeal.id, officer.userId, now);
    return { appeal, isNew: submitted.isNew, alertId: first?.id ?? null, postedAt, detectedAt, dispatchedAt: now };
  });
}
