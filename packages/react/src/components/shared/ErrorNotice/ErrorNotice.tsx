import type { ReactNode } from 'react';
import { useMessages } from '../../../provider/context';
import { problemOf } from '../../../utils/problem';

/** Props of {@link ErrorNotice}. */
export interface ErrorNoticeProps {
  /** Any thrown value; SDK errors show their problem `code`, `detail` and request id. */
  error: unknown;
  /** Heading. Defaults to the `common.errorTitle` message. */
  title?: ReactNode;
  /** Shows a retry button when given. */
  onRetry?: () => void;
}

/** An error with its stable code and detail, announced to screen readers (`role="alert"`). */
export function ErrorNotice({ error, title, onRetry }: ErrorNoticeProps) {
  const { t } = useMessages();
  const problem = problemOf(error);
  const detail = problem?.detail ?? (error instanceof Error ? error.message : undefined);
  return (
    <div className="as-error" role="alert">
      <p className="as-error__title">{title ?? t('common.errorTitle')}</p>
      {detail ? <p className="as-error__detail">{detail}</p> : null}
      {problem?.code ? (
        <p className="as-error__meta">
          <code className="as-code">{t('common.errorCode', { code: problem.code })}</code>
          {problem.requestId ? (
            <>
              {' · '}
              <code className="as-code">{t('common.requestId', { requestId: problem.requestId })}</code>
            </>
          ) : null}
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" className="as-button as-button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
