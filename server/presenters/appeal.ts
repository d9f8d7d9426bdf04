import { maskPhone, maskName } from '../../shared/mask';
import { STATUS_CLASS, STATUS_LABELS, type AppealAction } from '../../shared/workflow';
import type { Appeal } from '../repositories/appeals';
import type { Participation } from '../repositories/appeal-units';
import type { AppealEvent } from '../repositories/events';
import type { Reply } from '../repositories/replies';
import type { Attachment } from '../repositories/attachments';

/** How late an appeal is: a coarse state the UI shows in colour and words. */
export type DeadlineState = 'none' | 'on_time' | 'due_soon' | 'overdue';

/** The deadline state at `now` (due soon = within 24 hours). */
export function deadlineState(a: Appeal, now: Date): DeadlineState {
  if (!a.dueAt || !STATUS_CLASS[a.status].isClockRunning) return 'none';
  const left = a.dueAt.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left < 24 * 3600 * 1000 ? 'due_soon' : 'on_time';
}

/** An appeal as staff lists and pages see it; contact details only when the caller may read them. */
export function presentAppeal(a: Appeal, opts: { includeContact: boolean; now: Date }) {
  return {
    id: a.id,
    trackingCode: a.trackingCode,
    channel: a.channel,
    channelRef: a.channelRef,
    title: a.title,
    body: a.body,
    categoryCode: a.categoryCode,
    address: a.address,
    longitude: a.longitude,
    latitude: a.latitude,
    regionCode: a.regionCode,
    residentName: a.residentName === null ? null : opts.includeContact ? a.residentName : maskName(a.residentName),
    phone: opts.includeContact ? a.phone : maskPhone(a.phone),
    isConfidential: a.isConfidential,
    mayPublish: a.mayPublish,
    status: a.status,
    statusLabel: STATUS_LABELS[a.status],
    isOpen: STATUS_CLASS[a.status].isOpen,
    version: a.version,
    timeLimitClass: a.timeLimitClass,
    urgencyReason: a.urgencyReason,
    leadUnitId: a.leadUnitId,
    deadlines: {
      signDueAt: a.signDueAt,
      dueAt: a.dueAt,
      isProvisional: a.isDueProvisional,
      extensionDays: a.extensionDays,
      state: deadlineState(a, opts.now),
    },
    signedAt: a.signedAt,
    repliedAt: a.repliedAt,
    closedAt: a.closedAt,
    unsatisfiedCount: a.unsatisfiedCount,
    supervisionLevel: a.supervisionLevel,
    warningLevel: a.warningLevel,
    mergedIntoId: a.mergedIntoId,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/** One event for staff: who (name and unit), when, from, to, what. */
export function presentEvent(e: AppealEvent) {
  return {
    seq: e.seq,
    action: e.action,
    actor: { type: e.actorType, id: e.actorId, name: e.actorName, unitId: e.actorUnitId, unitName: e.actorUnitName },
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    payload: e.payload,
    at: e.createdAt,
  };
}

/** The full staff view of one appeal, with what the caller may do next. */
export function presentAppealDetail(
  a: Appeal,
  extra: { units: Participation[]; events: AppealEvent[]; replies: Reply[]; attachments: Attachment[]; policies: AppealAction[]; includeContact: boolean; now: Date },
) {
  return {
    ...presentAppeal(a, extra),
    policies: extra.policies,
    units: extra.units.map((u) => ({ unitId: u.unitId, code: u.unitCode, name: u.unitName, kind: u.unitKind, role: u.role, isCurrent: u.isCurrent, reportedAt: u.reportedAt })),
    replies: extra.replies.map((r) => ({ id: r.id, unitId: r.unitId, unitName: r.unitName, resolution: r.resolution, body: r.body, state: r.state, createdAt: r.createdAt })),
    attachments: extra.attachments.map((f) => ({ id: f.id, filename: f.filename, mimeType: f.mimeType, byteSize: f.byteSize, replyId: f.replyId })),
    events: extra.events.map(presentEvent),
  };
}
