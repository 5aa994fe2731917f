/** Props of {@link StatusMessage}. */
export interface StatusMessageProps {
  /** What just happened, e.g. "Product archived"; empty for nothing. */
  message: string | null;
  /** Also shows the message on screen (`.as-success-notice`). Defaults to `false`: screen readers only. */
  visible?: boolean;
}

/**
 * @internal Announces the outcome of an action: a visually hidden `role="status"` region, read by
 * screen readers as the message changes, and optionally the same text on screen (hidden from
 * assistive tech, so it is read once).
 *
 * @example <StatusMessage message={notice} visible />
 */
export function StatusMessage({ message, visible = false }: StatusMessageProps) {
  return (
    <>
      <p className="as-visually-hidden" role="status">
        {message}
      </p>
      {visible && message ? (
        <p className="as-success-notice" aria-hidden="true">
          {message}
        </p>
      ) : null}
    </>
  );
}
