import { useEffect, useState } from 'react';

const NARROW = '(max-width: 40rem)';

/** Whether the screen is phone-narrow (the stylesheet's 40rem break), following rotation and resizing. */
export function useNarrow() {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const changed = () => setNarrow(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return narrow;
}
