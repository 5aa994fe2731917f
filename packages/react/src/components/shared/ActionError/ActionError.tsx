import { planErrorOf } from '../../../utils/problem';
import { UpgradePrompt } from '../../platform/UpgradePrompt/UpgradePrompt';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';

/** Props of {@link ActionError}. */
export interface ActionErrorProps {
  /** The failed action's error, if any. */
  error: unknown;
  /**
   * Shows errors other than plan errors as an {@link ErrorNotice}. Defaults to `true`; forms pass
   * `false` while the error is already shown on a field.
   */
  showOther?: boolean;
}

/**
 * @internal What a failed action shows: for `tier_limit_reached` / `feature_not_in_plan`, an
 * {@link UpgradePrompt} naming the plan that lifts the limit (or adds the feature); for any other
 * error an {@link ErrorNotice}; nothing without an error.
 *
 * @example <ActionError error={create.error} showOther={!titleError} />
 */
export function ActionError({ error, showOther = true }: ActionErrorProps) {
  const planError = planErrorOf(error);
  if (planError) {
    return (
      <UpgradePrompt
        upgrade={planError.upgrade}
        limit={planError.limit}
        feature={planError.limit ? undefined : planError.feature}
      />
    );
  }
  return error && showOther ? <ErrorNotice error={error} /> : null;
}
