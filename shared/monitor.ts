// What leaves the server about monitored posts (舆情) and alerts: the duty console's views and the
// live stream's `event: alert` payload. The server's presenters build these; the duty pages read
// them. Posts are public social-media content, so nothing here is masked; bigint ids leave as
// strings, times as ISO strings.

export type AlertLevel = 'red' | 'orange' | 'yellow';
export type AlertStatus = 'open' | 'handled' | 'irrelevant' | 'dispatched';

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
