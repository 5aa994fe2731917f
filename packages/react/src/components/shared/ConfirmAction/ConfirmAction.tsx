import { useMessages } from '../../../provider/context';

/** Props of {@link ConfirmAction}. */
export interface ConfirmActionProps {
  /** Shows the confirm step instead of the action button. The parent keeps which row confirms. */
  confirming: boolean;
  /** Accessible name of the action button and of the confirm group, e.g. "Remove Aiko Tanaka". */
  label: string;
  /** Visible text of the action button, e.g. "Remove". */
  action: string;
  /** The question of the confirm step, e.g. "Remove Aiko Tanaka from the team?". */
  question: string;
  /** Text of the button that does it, e.g. "Yes, remove". */
  confirmAction: string;
  /** While the action runs, the confirm button is busy and disabled. Defaults to `false`. */
  busy?: boolean;
  /** The action button was pressed: show the confirm step. */
  onStart: () => void;
  /** "Cancel" was pressed. */
  onCancel: () => void;
  /** The confirm button was pressed. */
  onConfirm: () => void;
}

/**
 * @internal An inline two-step destructive action for a table row: a small ghost button; once
 * pressed, an `.as-confirm` group (named like the button) with the question, "Cancel" and a danger
 * button that takes the focus.
 *
 * @example
 * <ConfirmAction confirming={confirming === key.id} label={t('apiKeys.revokeRow', { name })}
 *   action={t('apiKeys.revoke')} question={t('apiKeys.confirmRevoke', { name })}
 *   confirmAction={t('apiKeys.confirmRevokeAction')} busy={busy}
 *   onStart={() => setConfirming(key.id)} onCancel={() => setConfirming(null)} onConfirm={revokeIt} />
 */
export function ConfirmAction({
  confirming,
  label,
  action,
  question,
  confirmAction,
  busy = false,
  onStart,
  onCancel,
  onConfirm,
}: ConfirmActionProps) {
  const { t } = useMessages();
  if (!confirming) {
    return (
      <button
        type="button"
        className="as-button as-button--ghost as-button--small"
        aria-label={label}
        onClick={onStart}
      >
        {action}
      </button>
    );
  }
  return (
    <fieldset className="as-confirm" aria-label={label}>
      <span className="as-confirm__text">{question}</span>
      <button type="button" className="as-button as-button--secondary as-button--small" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button
        type="button"
        className="as-button as-button--danger as-button--small"
        aria-busy={busy || undefined}
        disabled={busy}
        // biome-ignore lint/a11y/noAutofocus: the confirm step replaces the button that had focus.
        autoFocus
        onClick={onConfirm}
      >
        {confirmAction}
      </button>
    </fieldset>
  );
}
