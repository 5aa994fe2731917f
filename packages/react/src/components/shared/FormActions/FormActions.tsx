import { useMessages } from '../../../provider/context';

/** Props of {@link FormActions}. */
export interface FormActionsProps {
  /** While the form's request runs: the submit button is busy and shows `pendingLabel`. */
  pending: boolean;
  /** Text of the submit button. */
  submitLabel: string;
  /** Text of the submit button while pending, e.g. "Saving…". */
  pendingLabel: string;
  /** Disables the submit button while pending. Defaults to `true`. */
  disableWhilePending?: boolean;
  /** Shows a secondary button before the submit button when given (a cancel or reset). */
  onCancel?: () => void;
  /** Text of that button. Defaults to the catalogue's `common.cancel`. */
  cancelLabel?: string;
  /** Disables that button. Defaults to `false`. */
  cancelDisabled?: boolean;
  /**
   * The submit cannot be undone (cancelling an order): it is a danger button, and the cancel
   * button, the safe choice, takes the focus as the form opens. Defaults to `false`.
   */
  destructive?: boolean;
}

/**
 * @internal The button row at the foot of a kit form (`.as-form__actions`): an optional secondary
 * cancel (or reset) button, then the primary (or, `destructive`, danger) submit button, busy while
 * the request runs.
 *
 * @example
 * <FormActions onCancel={onCancel} pending={update.isPending}
 *   submitLabel={t('tenants.save')} pendingLabel={t('tenants.saving')} />
 */
export function FormActions({
  pending,
  submitLabel,
  pendingLabel,
  disableWhilePending = true,
  onCancel,
  cancelLabel,
  cancelDisabled = false,
  destructive = false,
}: FormActionsProps) {
  const { t } = useMessages();
  return (
    <div className="as-form__actions">
      {onCancel ? (
        <button
          type="button"
          className="as-button as-button--secondary"
          onClick={onCancel}
          disabled={cancelDisabled || undefined}
          // biome-ignore lint/a11y/noAutofocus: before a destructive submit, the safe choice takes the focus.
          autoFocus={destructive || undefined}
        >
          {cancelLabel ?? t('common.cancel')}
        </button>
      ) : null}
      <button
        type="submit"
        className={destructive ? 'as-button as-button--danger' : 'as-button as-button--primary'}
        disabled={(disableWhilePending && pending) || undefined}
        aria-busy={pending || undefined}
      >
        {pending ? pendingLabel : submitLabel}
      </button>
    </div>
  );
}
