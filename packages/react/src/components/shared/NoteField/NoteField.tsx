import { Field } from '../Field/Field';

/** Props of {@link NoteField}. */
export interface NoteFieldProps {
  /** The input's id. */
  id: string;
  /** The visible label, e.g. "Note (optional)". */
  label: string;
  value: string;
  onChange: (value: string) => void;
}

/**
 * @internal The optional free-text note an action records with what it did (an order's refund or
 * cancellation, a stock movement): one line, at most the API's 500 characters. Send it trimmed,
 * and not at all when empty.
 *
 * @example <NoteField id={`${id}-note`} label={t('inventory.note')} value={note} onChange={setNote} />
 */
export function NoteField({ id, label, value, onChange }: NoteFieldProps) {
  return (
    <Field id={id} label={label}>
      {(control) => (
        <input
          {...control}
          className="as-input"
          maxLength={500}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
