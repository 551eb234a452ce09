import { useId, type ComponentProps, type ReactNode } from 'react';

interface FieldFrameProps {
  id?: string | undefined;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
}

/** Label, hint and error message wired to the control, so a screen reader reads all three. */
function FieldFrame({ id: givenId, label, hint, error, children }: FieldFrameProps) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      {children({ id, describedBy })}
    </div>
  );
}

type Common = { id?: string; label: string; hint?: ReactNode; error?: string | undefined };

export function TextField({ id: givenId, label, hint, error, ...input }: Common & ComponentProps<'input'>) {
  return (
    <FieldFrame id={givenId} label={label} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <input id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} {...input} />
      )}
    </FieldFrame>
  );
}

export function TextArea({ id: givenId, label, hint, error, ...textarea }: Common & ComponentProps<'textarea'>) {
  return (
    <FieldFrame id={givenId} label={label} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <textarea
          id={id}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          rows={5}
          {...textarea}
        />
      )}
    </FieldFrame>
  );
}

export function SelectField({
  id: givenId,
  label,
  hint,
  error,
  children,
  ...select
}: Common & ComponentProps<'select'>) {
  return (
    <FieldFrame id={givenId} label={label} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <select id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} {...select}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
