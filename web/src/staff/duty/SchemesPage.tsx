/** Keyword schemes per topic and region, with a preview against recent posts. (placeholder until built) */
import { PageHeader } from '../ui';

export function SchemesPage() {
  return <PageHeader title="监测方案" />;
}
