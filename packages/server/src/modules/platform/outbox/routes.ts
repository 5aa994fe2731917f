import { outboxOperations as op } from '@agentstack/sdk/contract';
import type { ApiRouter } from '../../../http/route';

/** Serves `/v1/platform/outbox/messages`: the development outbox (`email.outbox`), per tenant. */
export function outboxRoutes(router: ApiRouter): void {
  router.implement(op.list, async ({ app, tenant }) => {
    const caller = tenant();
    const outbox = app.email.outbox;
    return outbox ? { enabled: true, data: outbox.list(caller.tenant.id) } : { enabled: false, data: [] };
  });
}
