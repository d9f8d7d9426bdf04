/** Shapes of the API answers the UI reads (see server/presenters and server/routes). */
import type { Channel, RatingValue, Resolution, Role, UnitKind } from '../../shared/domain';
import type { AppealAction, AppealStatus } from '../../shared/workflow';

/** How late an appeal is (server-computed). */
export type DeadlineState = 'none' | 'on_time' | 'due_soon' | 'overdue';

export interface Deadlines {
  dueAt: string | null;
  signDueAt: string | null;
  isProvisional: boolean;
  extensionDays?: number;
  state: DeadlineState;
}

/** An appeal in a staff list. */
export interface AppealSummary {
  id: string;
  trackingCode: string;
  title: string;
  body?: string;
  status: AppealStatus;
  statusLabel: string;
  channel: Channel;
  categoryCode: string | null;
  regionCode: string | null;
  leadUnitId: string | null;
  deadlines: Deadlines;
  createdAt: string;
  phone: string;
  residentName?: string | null;
  version: number;
  isConfidential?: boolean;
  mayPublish?: boolean;
  unsatisfiedCount?: number;
  warningLevel?: 'yellow' | 'red' | null;
  supervisionLevel?: number | null;
  isOpen?: boolean;
  /** Proposed duplicates (疑似重复) the reader may see; lists only. */
  duplicateCount?: number;
}

/** One unit taking part in an appeal. */
export interface AppealUnit {
  unitId: string;
  name: string;
  role: 'lead' | 'co' | 'summoned' | 'supervising' | string;
  isCurrent: boolean;
  reportedAt: string | null;
}

export interface AppealReply {
  id: string;
  unitId: string;
  unitName: string;
  resolution: Resolution;
  body: string;
  state: 'published' | 'pending_review' | 'sent_back' | string;
  createdAt: string;
}

export interface AttachmentRef {
  id: string;
  filename: string;
  mimeType: string;
  byteSize?: number;
  replyId?: string | null;
}

/** One immutable step of the record. */
export interface AppealEvent {
  seq: number;
  action: string;
  actor: { type: string; name: string | null; unitName: string | null };
  fromStatus: AppealStatus | null;
  toStatus: AppealStatus | null;
  payload: Record<string, unknown>;
  at: string;
}

export interface RelatedAppeal {
  id: string;
  trackingCode: string;
  title: string;
  status: AppealStatus;
  relation: string;
}

/** The full staff view of one appeal, with what the caller may do next. */
export interface AppealDetail extends AppealSummary {
  body: string;
  address: string | null;
  longitude: number | null;
  latitude: number | null;
  timeLimitClass?: string | null;
  units: AppealUnit[];
  replies: AppealReply[];
  attachments: AttachmentRef[];
  events: AppealEvent[];
  related?: RelatedAppeal[];
  policies: AppealAction[];
}

/** The resident's tracking view. */
export interface TrackView {
  id: string;
  trackingCode: string;
  title: string;
  body: string;
  status: AppealStatus;
  statusLabel: string;
  createdAt: string;
  dueAt: string | null;
  deadlineState: DeadlineState;
  steps: { action: string; text: string; at: string }[];
  replies: { unitName: string; resolution: string; resolutionLabel: string; body: string; at: string }[];
  policies: AppealAction[];
}

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  regionCode: string;
}

/** A unit in the tree. */
export interface Unit extends UnitRef {
  parentId: string | null;
  requiresReplyReview: boolean;
  isActive: boolean;
}

/** Who is logged in. */
export type Me =
  | { kind: 'staff'; userId: string; username: string; displayName: string; role: Role; unit: UnitRef | null }
  | { kind: 'resident'; phone: string };

export type StaffMe = Extract<Me, { kind: 'staff' }>;

export interface Category {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
  timeLimitClass: string | null;
}

export interface Region {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

export interface TimeLimitClass {
  code: string;
  name: string;
  signDays: number;
  handleDays: number | null;
  warnBeforeHours: number;
}

/** The workbench queues (from the shared workflow module) and their counts. */
export { QUEUES as QUEUE_KEYS, type Queue as QueueKey } from '../../shared/workflow';
import type { Queue as QueueKey } from '../../shared/workflow';
export type QueueCounts = Record<QueueKey, number>;

export interface ReplyTemplate {
  id: string;
  categoryCode: string | null;
  title: string;
  body: string;
}

export interface PublicAppeal {
  id: string;
  title: string;
  body: string;
  categoryCode: string | null;
  regionCode: string | null;
  unitName: string | null;
  createdAt: string;
  reply: { resolution: Resolution; resolutionLabel: string; body: string; at: string } | null;
  rating: RatingValue | null;
}

export interface Overview {
  today: { received: number; closed: number; overdue: number; rated: number; satisfied: number; satisfactionRate: number | null };
  trend: { date: string; received: number; closed: number }[];
  byCategory: { code: string; name: string; count: number }[];
  byRegion: { code: string; name: string; count: number }[];
}

export interface OverdueByUnit {
  unitId: string;
  unitName: string;
  overdue: number;
  dueSoon: number;
}

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId?: string | null;
  unitName?: string | null;
  unitCode?: string | null;
  isActive?: boolean;
}

/** What smart dispatch reads from an appeal's text (POST /api/dispatch/suggest, GET /api/appeals/:id/dispatch). */
export interface Suggestion {
  categories: { code: string; name: string; p: number }[];
  units: { unitId: string; code?: string; name: string; p: number; why?: string[] }[];
  place?: { regionCode: string; regionName: string; level: 'city' | 'county' | 'town' | 'village'; detail: string[]; why: string[] };
  urgency?: { isUrgent: boolean; reasons: string[] };
  autoAssign?: boolean;
}

/** An appeal's stored suggestion and the corrections dispatchers made to it. */
export interface AppealDispatch extends Suggestion {
  isStored: boolean;
  isAutoAssigned: boolean;
  suggestedAt: string | null;
  corrections: { kind: 'category' | 'unit' | 'region'; suggested: string | null; chosen: string; createdAt: string }[];
}
