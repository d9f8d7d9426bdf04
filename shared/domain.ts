/** Domain vocabulary shared by server and UI: roles, channels, replies, ratings, limits. */

/** Staff and public roles (DOMAIN.md "Who uses it"). */
export const ROLES = [
  'admin',
  'operator',
  'dispatcher',
  'supervisor',
  'leader',
  'handler',
  'head',
  'duty_officer',
  'grid_officer',
  'monitor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  operator: '话务员',
  dispatcher: '派单员',
  supervisor: '督办员',
  leader: '领导',
  handler: '承办人',
  head: '单位负责人',
  duty_officer: '舆情值班员',
  grid_officer: '网格员',
  monitor: '监督员',
};

/** Roles that belong to a unit and act for it. */
export const UNIT_ROLES: readonly Role[] = ['handler', 'head', 'grid_officer'];

/** Where an appeal came from (渠道). */
export const CHANNELS = [
  'hotline', // 12345
  'web',
  'mobile',
  'mailbox', // 书记/市长信箱
  'message_board', // 领导留言板
  'media',
  'opinion', // 舆情监测
  'grid', // 网格员
  'meetup', // 红茶坊
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Unit kinds: region governments, functional departments, enterprises with public duties, platforms. */
export const UNIT_KINDS = ['region', 'department', 'enterprise', 'platform'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** How a reply resolved the appeal. */
export const RESOLUTIONS = ['resolved', 'partly_resolved', 'explained', 'cannot_do'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
export const RESOLUTION_LABELS: Record<Resolution, string> = {
  resolved: '已解决',
  partly_resolved: '部分解决',
  explained: '已解释说明',
  cannot_do: '无法办理',
};

/** The resident's rating of a reply. */
export const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type RatingValue = (typeof RATINGS)[number];
export const RATING_LABELS: Record<RatingValue, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

/** Warning cards a supervisor may issue. */
export const WARNING_LEVELS = ['yellow', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** Time-limit classes (办理时限分类); days are working days. */
export const TIME_LIMIT_CLASSES = ['urgent', 'general', 'complex'] as const;
export type TimeLimitClass = (typeof TIME_LIMIT_CLASSES)[number];

/** Validation limits used by the API schemas and the UI forms alike. */
export const LIMITS = {
  titleMax: 100,
  bodyMin: 5,
  bodyMax: 5000,
  reasonMax: 1000,
  replyMax: 5000,
  addressMax: 200,
  attachmentsMax: 9,
  attachmentBytesMax: 10 * 1024 * 1024,
  extensionDaysMax: 30,
  pageSizeMax: 100,
  summonUnitsMax: 20,
  coUnitsMax: 10,
} as const;

/** Stable error codes of the API envelope `{error:{code,message,details}}`. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID_TRANSITION',
  'VERSION_CONFLICT',
  'CONFLICT',
  'OTP_INVALID',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Mainland mobile numbers and landlines with area code; the only phone shapes we accept. */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
