import { useState } from 'react';
import { ApiError } from './client';

/** A change the user asked for: busy while it runs, the server's error if it fails, `done` when it succeeds. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  return {
    busy, error,
    reset: () => setError(null),
    async run(change: () => Promise<unknown>, done?: () => void) {
      setBusy(true);
      setError(null);
      try {
        await change();
        done?.();
      } catch (caught) {
        setError(caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', String(caught)));
      } finally {
        setBusy(false);
      }
    },
  };
}
