/** Shapes of the hot-issue API (GET /api/hot-issues, /api/hot-issues/:id), as the server presents them. */
import type { AppealStatus } from '../../../../shared/workflow';

/** Appeals in one day or week (keyed by its Monday). */
export interface TrendPoint {
  period: string;
  count: number;
}

/** A name with how many appeals it has. */
export interface NamedCount {
  name: string;
  count: number;
}

/** A hot issue (热点) in the list. */
export interface HotIssue {
  id: string;
  label: string;
  keywords: string[];
  size: number;
  likes: number;
  heat: number;
  firstAt: string;
  lastAt: string;
  places: string[];
  units: NamedCount[];
  bucket: 'day' | 'week';
  trend: TrendPoint[];
}

/** One appeal of a special report; residents' data is masked by the server. */
export interface HotIssueAppeal {
  id: string;
  trackingCode: string;
  title: string;
  status: AppealStatus;
  statusLabel: string;
  unitName: string | null;
  regionName: string | null;
  createdAt: string;
  closedAt: string | null;
  supportCount: number;
  similarity: number;
}

/** The figures of a special report, over the appeals the reader may see. */
export interface HotIssueFigures {
  count: number;
  closed: number;
  open: number;
  units: NamedCount[];
  statuses: (NamedCount & { status: AppealStatus })[];
  bucket: 'day' | 'week';
  trend: TrendPoint[];
  firstDate: string | null;
  lastDate: string | null;
}

/** The special report (专报) of a hot issue. */
export interface HotIssueReport extends HotIssue {
  summary: string;
  figures: HotIssueFigures;
  appeals: HotIssueAppeal[];
  generatedAt: string;
}
