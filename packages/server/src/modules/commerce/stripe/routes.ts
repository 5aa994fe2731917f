import { stripeOperations as op } from '@agentstack/sdk/contract';
import { bodyText } from '../../../http/edge';
import type { ApiRouter } from '../../../http/route';
import { applyStripeEvent } from '../../../payments/stripeEvents';
import { stripeBox, stripeSettingsService } from './service';
import { receiveStripeEvent } from './webhook';

/** Serves `/v1/commerce/payments/stripe`: the tenant's Stripe settings and Stripe's webhook endpoint. */
export function stripeRoutes(router: ApiRouter): void {
  router.implement(op.retrieve, ({ db, tenant }) => stripeSettingsService.retrieve(db, tenant()));
  router.implement(op.update, ({ db, tenant, body, app }) =>
    stripeSettingsService.update(db, tenant(), body, stripeBox(app)),
  );
  router.implement(op.del, ({ db, tenant }) => stripeSettingsService.remove(db, tenant()));
  // No bearer credential: Stripe signs the raw body (read once, at the edge).
  router.implement(op.receiveWebhook, async ({ db, params, app, c }) =>
    receiveStripeEvent(
      db,
      app.webhooks.box,
      params.tenantId,
      await bodyText(c),
      c.req.header('stripe-signature'),
      applyStripeEvent,
    ),
  );
}
