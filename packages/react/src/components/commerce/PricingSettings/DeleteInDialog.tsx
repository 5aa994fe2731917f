import { useState } from 'react';
import { useMessages } from '../../../provider/context';
import { ConfirmAction } from '../../shared/ConfirmAction/ConfirmAction';
import { pricingSettingsMessages } from './messages';

/**
 * @internal The delete step at the foot of an edit dialog: a small button, then the question with
 * "Cancel" and a danger button (see {@link ConfirmAction}).
 */
export function DeleteInDialog({
  label,
  question,
  busy,
  onConfirm,
}: {
  /** Accessible name of the button and of the confirm group, e.g. "Delete region Europe". */
  label: string;
  question: string;
  busy: boolean;
  onConfirm: () => void;
}) {
  const { t } = useMessages(pricingSettingsMessages);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="as-pricing__delete">
      <ConfirmAction
        confirming={confirming}
        label={label}
        action={t('pricing.delete')}
        question={question}
        confirmAction={t('pricing.deleteConfirm')}
        busy={busy}
        onStart={() => setConfirming(true)}
        onCancel={() => setConfirming(false)}
        onConfirm={onConfirm}
      />
    </div>
  );
}
