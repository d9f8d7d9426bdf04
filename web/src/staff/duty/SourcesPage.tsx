/** Monitoring sources: push clients (HMAC keys), feeds, imports. (placeholder until built) */
import { PageHeader } from '../ui';

export function SourcesPage() {
  return <PageHeader title="舆情来源" />;
}
