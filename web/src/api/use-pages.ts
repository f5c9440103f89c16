import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from './client';

export interface Page<T> { items: T[]; nextCursor: string | null }

/** A keyset-paginated list: the first page when `key` changes, then "show more" appends the next. */
export function usePages<T>(key: string | null, loadPage: (cursor: string | undefined) => Promise<Page<T>>) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const generation = useRef(0);
  const loadRef = useRef(loadPage);
  loadRef.current = loadPage;

  const fetchPage = useCallback((after: string | undefined, replace: boolean) => {
    const mine = generation.current;
    setLoading(true);
    loadRef.current(after).then(
      (page) => {
        if (mine !== generation.current) return;
        setItems((previous) => (replace ? page.items : [...previous, ...page.items]));
        setCursor(page.nextCursor);
        setError(undefined);
        setLoading(false);
      },
      (caught: ApiError) => {
        if (mine !== generation.current) return;
        setError(caught);
        setLoading(false);
      },
    );
  }, []);

  const [tick, setTick] = useState(0);
  useEffect(() => {
    generation.current++;
    setItems([]);
    setCursor(null);
    if (key !== null) fetchPage(undefined, true);
  }, [key, tick, fetchPage]);

  return {
    items, loading, error, hasMore: cursor !== null,
    more: () => { if (cursor) fetchPage(cursor, false); },
    reload: () => setTick((t) => t + 1),
  };
}
