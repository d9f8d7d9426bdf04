/** The duty roster: shifts and handover notes. (placeholder until built) */
import { PageHeader } from '../ui';

export function RosterPage() {
  return <PageHeader title="值班表" />;
}
