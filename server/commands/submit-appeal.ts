import crypto from 'node:crypto';
import type { Channel } from '../../shared/domain';
import type { Principal } from '../auth/principal';
import type { AppContext } from '../context';
import { withTransaction, type PoolClient } from '../db/pool';
import { AppError, invalid } from '../errors';
import { findByChannelRef, findVisibleAppeal, insertAppeal, type Appeal } from '../repositories/appeals';
import { linkAttachments } from '../repositories/attachments';
import { appendEvent, type AppealEvent } from '../repositories/events';
import { findCategory, findRegion } from '../repositories/reference';
import { dispatchJobKey } from '../dispatch/jobs';
import { regionOf } from '../dispatch/place-lookup';
import { searchTerms } from '../text/segment';
import { assessUrgency } from '../dispatch/urgency/index';
import { enqueueJob } from '../jobs/enqueue';
import { notifyResident } from './notify';

/** What a resident (or an operator on their behalf) submits. */
export interface SubmitAppealInput {
  title: string;
  body: string;
  categoryCode?: string | undefined;
  address?: string | undefined;
  longitude?: number | undefined;
  latitude?: number | undefined;
  regionCode?: string | undefined;
  phone: string;
  residentName?: string | undefined;
  isConfidential: boolean;
  mayPublish: boolean;
  attachmentIds: string[];
  channel?: Channel | undefined;
  channelRef?: string | undefined;
  /** When the matter became known, if earlier than now (a monitored post's publication); the first assignment's clock starts there. */
  clockStartsAt?: Date | undefined;
}

/** The created appeal (or the existing one for a repeated channel reference). */
export interface SubmitResult {
  appeal: Appeal;
  event: AppealEvent | null;
  isNew: boolean;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A tracking code residents can read aloud: date + 6 random base-32 characters (1 in 10⁹ guess). */
export function newTrackingCode(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600 * 1000).toISOString();
  const bytes = crypto.randomBytes(6);
  const rand = [...bytes].map((b) => CROCKFORD[b % 32]).join('');
  return `${d.slice(2, 4)}${d.slice(5, 7)}${d.slice(8, 10)}${rand}`;
}


/**
 * 反映: stores a new appeal with its first event in one transaction. A resident may only submit
 * under the phone they verified; staff enter appeals for callers. A repeated (channel, channelRef)
 * returns the existing appeal and writes nothing.
 */
export async function submitAppeal(ctx: AppContext, principal: Principal, input: SubmitAppealInput): Promise<SubmitResult> {
  return withTransaction(ctx.pool, (db) => submitAppealIn(db, ctx, principal, input));
}

/** submitAppeal inside a transaction the caller owns (a dispatched post is submitted, accepted and assigned in one). */
export async function submitAppealIn(db: PoolClient, ctx: AppContext, principal: Principal, input: SubmitAppealInput): Promise<SubmitResult> {
  if (principal.kind === 'resident' && principal.phone !== input.phone) throw invalid('phone', 'must be the phone you verified');
  const channel: Channel = input.channel ?? (principal.kind === 'resident' ? 'web' : 'hotline');
  if (principal.kind === 'resident' && !['web', 'mobile'].includes(channel)) throw invalid('channel', 'residents submit through web or mobile');
  if ((input.longitude === undefined) !== (input.latitude === undefined)) throw invalid('latitude', 'give both longitude and latitude, or neither');

  if (input.channelRef) {
    const existing = await findByChannelRef(db, channel, input.channelRef);
    if (existing) {
      // The same item again: hand back the appeal only to someone who may see it.
      if (await findVisibleAppeal(db, principal, existing.id)) return { appeal: existing, event: null, isNew: false };
      throw new AppError(409, 'CONFLICT', 'channelRef: this channel reference belongs to an existing appeal', [{ field: 'body.channelRef', message: 'already used' }]);
    }
  }
  const category = input.categoryCode ? await findCategory(db, input.categoryCode) : null;
  if (input.categoryCode && !category) throw invalid('categoryCode', 'unknown category');
  if (input.regionCode && !(await findRegion(db, input.regionCode))) throw invalid('regionCode', 'unknown region');
  const now = ctx.now();
  const regionCode = input.regionCode ?? (await regionOf(db, now, { title: input.title, text: input.body, address: input.address, latitude: input.latitude, longitude: input.longitude }));
  const id = crypto.randomUUID();
  // Danger to life or property makes the appeal urgent at once, with the reason on record.
  const urgency = assessUrgency(input.title, input.body);
  const appeal = await insertAppeal(
    db,
    {
      id,
      trackingCode: newTrackingCode(now),
      channel,
      channelRef: input.channelRef ?? null,
      title: input.title,
      body: input.body,
      categoryCode: input.categoryCode ?? null,
      address: input.address ?? null,
      longitude: input.longitude ?? null,
      latitude: input.latitude ?? null,
      regionCode,
      residentName: input.residentName ?? null,
      phone: input.phone,
      isConfidential: input.isConfidential,
      mayPublish: input.mayPublish,
      status: 'submitted',
      timeLimitClass: urgency.isUrgent ? 'urgent' : (category?.timeLimitClass ?? 'general'),
      urgencyReason: urgency.isUrgent ? urgency.reasons.join('；') : null,
      leadUnitId: null,
      clockStartedAt: input.clockStartsAt ?? null,
      signLimitDays: null,
      signDueAt: null,
      handleLimitDays: null,
      extensionDays: 0,
      dueAt: null,
      isDueProvisional: false,
      signedAt: null,
      repliedAt: null,
      closedAt: null,
      unsatisfiedCount: 0,
      supervisionLevel: 0,
      warningLevel: null,
      mergedIntoId: null,
      submittedBy: principal.kind === 'staff' ? principal.userId : null,
      searchText: searchTerms(`${input.title} ${input.body} ${input.address ?? ''}`).join(' '),
    },
    now,
  );
  if (!appeal) throw new AppError(409, 'CONFLICT', 'this channel reference was submitted at the same moment; retry to read it');
  const linked = await linkAttachments(db, input.attachmentIds, {
    appealId: id,
    uploaderUserId: principal.kind === 'staff' ? principal.userId : null,
    uploaderPhone: principal.kind === 'resident' ? principal.phone : null,
  });
  if (linked !== input.attachmentIds.length) throw invalid('attachmentIds', 'unknown attachment, already used, or uploaded by someone else');
  const event = await appendEvent(
    db,
    {
      appealId: id,
      action: 'submit',
      actorType: principal.kind === 'resident' ? 'resident' : 'user',
      actorId: principal.kind === 'staff' ? principal.userId : null,
      actorUnitId: principal.kind === 'staff' ? (principal.unit?.id ?? null) : null,
      fromStatus: null,
      toStatus: 'submitted',
      payload: { channel, channelRef: input.channelRef ?? null, attachmentIds: input.attachmentIds },
    },
    now,
  );
  await enqueueJob(db, 'dispatch_appeal', { appealId: id }, { jobKey: dispatchJobKey(id) });
  await notifyResident(db, id, input.phone, 'submitted', `您的诉求已提交，受理编号${appeal.trackingCode}，可凭编号和手机号查询办理进度。`, now);
  return { appeal, event, isNew: true };
}
