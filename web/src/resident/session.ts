/** The resident's verified phone (a resident session cookie), if any. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { Me } from '../types';

/** Reads `/api/auth/me`; `phone` is set only for a resident session. */
export function useResidentSession(): { phone: string | null; isChecked: boolean; refresh: () => void } {
  const [phone, setPhone] = useState<string | null>(null);
  const [isChecked, setChecked] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let isLive = true;
    api.get<Me>('/api/auth/me').then(
      (env) => {
        if (!isLive) return;
        setPhone(env.data.kind === 'resident' ? env.data.phone : null);
        setChecked(true);
      },
      () => {
        if (!isLive) return;
        setPhone(null);
        setChecked(true);
      },
    );
    return () => {
      isLive = false;
    };
  }, [tick]);
  const refresh = useCallback(() => setTick((t) => t + 1), []);
  return { phone, isChecked, refresh };
}

/** A random key so a resubmitted form (after a network error) never makes two appeals. */
export function newSubmissionKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
