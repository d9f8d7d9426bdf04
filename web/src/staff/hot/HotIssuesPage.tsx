/** Hot issues (热点): clusters of similar appeals with size, places, units, trend and heat. (placeholder until built) */
import { PageHeader } from '../ui';

export function HotIssuesPage() {
  return <PageHeader title="热点诉求" />;
}
