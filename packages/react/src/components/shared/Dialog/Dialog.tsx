import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { cx } from '../../../utils/format';

/** Props of {@link Dialog}. */
export interface DialogProps {
  /** The heading, which names the dialog. */
  title: string;
  /** A line under the heading, which describes the dialog. */
  description?: string;
  /** Escape, or a cancel button, asks to close: the parent unmounts the dialog. */
  onClose: () => void;
  /** The dialog's form was submitted (call `preventDefault`). */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** `wide` for longer forms (36 rem instead of 28). */
  size?: 'default' | 'wide';
  /** The fields and the actions. */
  children: ReactNode;
}

/**
 * @internal A modal form (`<dialog class="as-dialog">` opened with `showModal`): the page behind
 * is inert, focus moves in (to the `autoFocus` control) and back to what opened it when the
 * dialog unmounts; Escape asks to close. Its width never passes the viewport's less a margin.
 *
 * @example
 * {editing ? (
 *   <Dialog title={t('pricing.region.editTitle', { name })} onClose={close} onSubmit={save}>
 *     <Field …/>
 *     <FormActions pending={update.isPending} submitLabel={t('pricing.save')} … onCancel={close} />
 *   </Dialog>
 * ) : null}
 */
export function Dialog({ title, description, onClose, onSubmit, size = 'default', children }: DialogProps) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  // What had the focus before this rendered: by the effect, an `autoFocus` control inside may have it.
  const [opener] = useState(() =>
    typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null),
  );
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    return () => {
      if (dialog?.open && typeof dialog.close === 'function') dialog.close();
      opener?.focus?.();
    };
  }, [opener]);
  return (
    <dialog
      ref={ref}
      className={cx('as-dialog', size === 'wide' && 'as-dialog--wide')}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-body` : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form className="as-form" onSubmit={onSubmit} noValidate>
        <h3 className="as-heading" id={`${id}-title`}>
          {title}
        </h3>
        {description ? (
          <p className="as-muted" id={`${id}-body`}>
            {description}
          </p>
        ) : null}
        {children}
      </form>
    </dialog>
  );
}
