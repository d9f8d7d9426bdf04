/** Daily and weekly monitoring briefs. (placeholder until built) */
import { PageHeader } from '../ui';

export function BriefsPage() {
  return <PageHeader title="舆情简报" />;
}
