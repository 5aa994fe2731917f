import { Field } from '../Field/Field';

/** Props of {@link SelectField}. */
export interface SelectFieldProps<V extends string> {
  /** The select's id. */
  id: string;
  /** The visible label. */
  label: string;
  /** The values offered, in order. */
  options: readonly V[];
  /** The label of a value's option. */
  labelOf: (value: V) => string;
  value: V;
  onChange: (value: V) => void;
}

/**
 * @internal A {@link Field} whose control picks one of a fixed set of values (`.as-select`), each
 * shown by its label: a refund's reason, a stock movement's.
 *
 * @example
 * <SelectField id={`${id}-reason`} label={t('inventory.reason')} options={REASONS}
 *   labelOf={(r) => t(`inventory.reason.${r}`)} value={reason} onChange={setReason} />
 */
export function SelectField<V extends string>({
  id,
  label,
  options,
  labelOf,
  value,
  onChange,
}: SelectFieldProps<V>) {
  return (
    <Field id={id} label={label}>
      {(control) => (
        <select
          {...control}
          className="as-select"
          value={value}
          onChange={(e) => onChange(e.target.value as V)}
        >
          {options.map((option) => (
            <option key={option} value={option}>
              {labelOf(option)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
