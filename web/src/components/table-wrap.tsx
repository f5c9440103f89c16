import type { ReactNode } from 'react';

/** A table that may scroll sideways on a phone: focusable, so the keyboard can scroll it too. */
export function TableWrap({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return <div className="table-wrap" tabIndex={0} role="group" aria-labelledby={labelledBy}>{children}</div>;
}
