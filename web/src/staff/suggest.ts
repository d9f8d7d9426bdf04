/**
 * Category and unit suggestions from `POST /api/dispatch/suggest`. The service is optional: the
 * first 404 turns suggestions off for the rest of the page's life, silently.
 */
import { useEffect, useState } from 'react';
import { LIMITS } from '../../../shared/domain';
import { api, ApiError } from '../api';
import type { Suggestion } from '../types';

let isAvailable = true;

/** Suggestions for a title and text (debounced); null while none are known. */
export function useDispatchSuggestion(title: string | undefined, text: string | undefined): Suggestion | null {
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  useEffect(() => {
    const body = (text ?? '').trim();
    if (!isAvailable || body.length < LIMITS.bodyMin) {
      setSuggestion(null);
      return;
    }
    let isLive = true;
    const t = setTimeout(() => {
      api.post<Suggestion>('/api/dispatch/suggest', { title: (title ?? '').trim(), text: body }).then(
        (env) => isLive && setSuggestion(env.data),
        (e: unknown) => {
          if (e instanceof ApiError && e.status === 404) isAvailable = false;
          if (isLive) setSuggestion(null);
        },
      );
    }, 400);
    return () => {
      isLive = false;
      clearTimeout(t);
    };
  }, [title, text]);
  return suggestion;
}
