import { useEffect } from 'react';
import { useLocation } from 'wouter';

/** Sets the document title and moves focus to the page's heading on navigation, for screen readers. */
export function usePageTitle(title: string | undefined) {
  const [location] = useLocation();
  useEffect(() => {
    if (title) document.title = `${title} · Mainstay`;
  }, [title]);
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [location]);
}
