/** The logged-in staff member and the workbench queue counts, shared by every staff page. */
import { createContext, useContext } from 'react';
import type { QueueCounts, StaffMe } from '../types';

export interface Workbench {
  me: StaffMe;
  counts: QueueCounts | undefined;
  /** Re-reads the queue counts (after an action changed an appeal). */
  refreshCounts: () => void;
}

export const WorkbenchContext = createContext<Workbench | null>(null);

/** The workbench context; only used under StaffApp. */
export function useWorkbench(): Workbench {
  const w = useContext(WorkbenchContext);
  if (!w) throw new Error('useWorkbench outside StaffApp');
  return w;
}
