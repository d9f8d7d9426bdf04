/** Routing rules (谁主管 + 属地) and the auto-assign threshold. (placeholder until built) */
import { PageHeader } from '../ui';

export function RoutingRulesPage() {
  return <PageHeader title="分派规则" />;
}
