import { RATING_LABELS, RESOLUTION_LABELS, type RatingValue, type Resolution } from '../../shared/domain';
import { STATUS_LABELS, type AppealAction } from '../../shared/workflow';
import type { Appeal } from '../repositories/appeals';
import type { AppealEvent } from '../repositories/events';
import type { Reply } from '../repositories/replies';
import type { Attachment } from '../repositories/attachments';
import { deadlineState } from './appeal';

/** Steps a resident sees, and how each is told; internal steps (warnings, reviews, 吹哨) are not shown. */
const RESIDENT_STEPS: Partial<Record<string, (p: Record<string, unknown>) => string>> = {
  submit: () => '诉求已提交',
  accept: () => '诉求已受理',
  reject: (p) => `不予受理：${String(p.reason ?? '')}`,
  merge: (p) => `已与同类诉求（${String(p.targetTrackingCode ?? '')}）合并办理`,
  assign: (p) => `已交办至${String(p.leadUnitName ?? '承办单位')}`,
  reassign: (p) => `已转交${String(p.leadUnitName ?? '承办单位')}办理`,
  sign: () => '承办单位已签收，正在办理',
  grant_extension: (p) => `办理时限延长${String(p.days ?? '')}个工作日`,
  reply: (p) => (p.needsReview ? '' : '承办单位已答复'),
  approve_reply: () => '承办单位已答复',
  rate: (p) => `您的评价：${RATING_LABELS[p.rating as RatingValue] ?? ''}`,
  close: () => '诉求已办结',
  urge: () => '诉求已被督办',
};

/**
 * The resident's view by tracking code: every public step and the published replies, never a
 * staff member's name or anyone else's data. `policies` says whether they may rate now.
 */
export function presentTrack(a: Appeal, events: AppealEvent[], replies: Reply[], attachments: Attachment[], policies: AppealAction[], now: Date) {
  const steps = events.flatMap((e) => {
    const tell = RESIDENT_STEPS[e.action];
    const text = tell?.(e.payload);
    return text ? [{ action: e.action, text, at: e.createdAt }] : [];
  });
  return {
    id: a.id,
    trackingCode: a.trackingCode,
    title: a.title,
    body: a.body,
    status: a.status,
    statusLabel: STATUS_LABELS[a.status],
    createdAt: a.createdAt,
    dueAt: a.dueAt,
    deadlineState: deadlineState(a, now),
    steps,
    replies: replies
      .filter((r) => r.state === 'published')
      .map((r) => ({ unitName: r.unitName, resolution: r.resolution, resolutionLabel: RESOLUTION_LABELS[r.resolution as Resolution] ?? r.resolution, body: r.body, at: r.createdAt })),
    attachments: attachments
      .filter((f) => f.replyId === null || replies.some((r) => r.id === f.replyId && r.state === 'published'))
      .map((f) => ({ id: f.id, filename: f.filename, mimeType: f.mimeType, byteSize: f.byteSize, replyId: f.replyId })),
    policies,
  };
}
