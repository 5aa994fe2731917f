import { WebhookEndpoints } from '@agentstack/react';
import { PageHead } from '../PageHead';

/**
 * Outgoing webhooks: where the shop's events are POSTed, signed (verify with
 * `client.webhooks.verify`), retried for three days. Owners and admins add endpoints, see each
 * delivery's attempts, replay, rotate secrets and send test events.
 */
export function WebhooksPage() {
  return (
    <>
      <PageHead
        title="Webhooks"
        lede="Your systems hear about every product, stock and team change: signed, retried, replayable."
      />
      <WebhookEndpoints />
    </>
  );
}
