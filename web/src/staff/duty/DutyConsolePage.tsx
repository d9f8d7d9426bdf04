/** The 24-hour duty console: the live alert queue, the post or story, dispatch as appeal. (placeholder until built) */
import { PageHeader } from '../ui';

export function DutyConsolePage() {
  return <PageHeader title="舆情值班台" />;
}
