import { outboxOperations } from '../../contract/platform/outbox';
import { mockResource } from '../pipeline';

/** `/v1/platform/outbox/messages` as a server without an outbox (the default) answers it. */
export const outboxMocks = mockResource(outboxOperations, {
  list(ctx) {
    ctx.tenant();
    return { enabled: false, data: [] };
  },
});
