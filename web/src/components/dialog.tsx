import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  title: string;
  open: boolean;
  onClose: () => void;
  onSubmit: () => unknown;
  submitLabel: string;
  busy?: boolean;
  danger?: boolean;
  children: ReactNode;
}

/** A modal form on the native <dialog>: focus is trapped and Escape closes it, by the browser. */
export function Dialog({ title, open, onClose, onSubmit, submitLabel, busy, danger, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useTranslation();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      {open && (
        <form onSubmit={submit}>
          <h2 id={titleId}>{title}</h2>
          {children}
          <div className="actions">
            <button type="button" className="secondary" onClick={onClose}>{t('common.cancel')}</button>
            <button type="submit" className={danger ? 'danger' : undefined} disabled={busy}>{submitLabel}</button>
          </div>
        </form>
      )}
    </dialog>
  );
}
