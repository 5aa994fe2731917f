import type { ReactNode } from 'react';

/** The accessibility props {@link Field} hands its control: spread them on the input or select. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** Props of {@link Field}. */
export interface FieldProps {
  /** The control's id. The hint's and the error's ids derive from it (`…-hint`, `…-err`). */
  id: string;
  /** The visible label, tied to the control by `htmlFor`. */
  label: ReactNode;
  /** Help under the control (`.as-field__hint`), read with it. */
  hint?: ReactNode;
  /** The error under the control (`.as-field__error`); marks the control `aria-invalid`. */
  error?: string | null;
  /** Renders the control with the given props (id, `aria-invalid`, `aria-describedby`). */
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * @internal One form field (`.as-field`): label, control, optional hint and error. The control is
 * described by the hint and the error, and marked invalid while there is an error.
 *
 * @example
 * <Field id={`${id}-name`} label={t('apiKeys.form.nameLabel')} error={nameError}>
 *   {(control) => <input {...control} className="as-input" value={name} onChange={onName} />}
 * </Field>
 */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-err` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  return (
    <div className="as-field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hintId ? (
        <span className="as-field__hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {errorId ? (
        <span className="as-field__error" id={errorId}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
