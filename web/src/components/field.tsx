import { useId, type InputHTMLAttributes } from 'react';

/** A labelled input: every form control has a visible label tied to it. */
export function Field({ label, hint, ...input }: { label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-describedby={hint ? hintId : undefined} {...input} />
      {hint && <small id={hintId}>{hint}</small>}
    </div>
  );
}
