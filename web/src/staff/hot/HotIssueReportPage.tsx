/** The special report (专报) of one hot issue: its appeals, units, status and summary; exportable. (placeholder until built) */
import { PageHeader } from '../ui';

export function HotIssueReportPage() {
  return <PageHeader title="热点专报" />;
}
