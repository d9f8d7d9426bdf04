// What leaves the server about monitored posts (舆情) and alerts: the duty console's views and the
// live stream's `event: alert` payload. The server's presenters build these; the duty pages read
// them. Posts are public social-media content, so nothing here is masked; bigint ids leave as
// strings, times as ISO strings.

export type AlertLevel = 'red' | 'orange' | 'yellow';
export type AlertStatus = 'open' | 'handled' | 'irrelevant' | 'dispatched';

export const LEVEL_LABELS: Record<AlertLevel, string> = { red: '红色', orange: '橙色', yellow: '黄色' };
export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = { open: '待处置', handled: '已处置', irrelevant: '无关', dispatched: '已转诉求' };
/** Platforms' Chinese names (an unknown platform is shown by its code). */
export const PLATFORM_LABELS: Record<string, string> = {
  weibo: '微博',
  douyin: '抖音',
  wechat: '微信',
  kuaishou: '快手',
  forum: '论坛',
  toutiao: '今日头条',
  bilibili: '哔哩哔哩',
  xiaohongshu: '小红书',
  rss: '资讯订阅',
};

/** A monitored post as the console shows it. */
export interface PostView {
  id: string;
  platform: string;
  platformPostId: string;
  authorName: string | null;
  authorFollowers: number | null;
  authorVerified: boolean;
  title: string | null;
  text: string;
  media: string[];
  url: string | null;
  place: string | null;
  regionCode: string | null;
  publishedAt: string;
  receivedAt: string;
  likes: number;
  shares: number;
  comments: number;
  views: number;
  heat: number;
  negativity: number | null;
  schemeIds: string[];
}

/** An alert with its story and the post that raised it (also the SSE `alert` event's data). */
export interface AlertView {
  id: string;
  level: AlertLevel;
  status: AlertStatus;
  /** Why it fired, in Chinese, one line per rule ("负面舆情升温：…"). */
  reasons: string[];
  createdAt: string;
  updatedAt: string;
  appealId: string | null;
  story: { id: string; label: string; postCount: number; heat: number; firstAt: string; lastAt: string; regionCode: string | null };
  post: PostView;
}
