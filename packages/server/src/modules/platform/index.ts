import type { ApiRouter } from '../../http/route';
import { accountRoutes } from './account/routes';
import { agencyRoutes } from './agencies/routes';
import { apiKeyRoutes } from './api-keys/routes';
import { invitationRoutes } from './invitations/routes';
import { outboxRoutes } from './outbox/routes';
import { planRoutes } from './plans/routes';
import { sessionRoutes } from './sessions/routes';
import { tenantRoutes } from './tenants/routes';
import { userRoutes } from './users/routes';
import { webhookEndpointRoutes } from './webhook-endpoints/routes';

/** Registers every `/v1/platform` route. */
export function platformRoutes(router: ApiRouter): void {
  accountRoutes(router);
  planRoutes(router);
  tenantRoutes(router);
  apiKeyRoutes(router);
  userRoutes(router);
  invitationRoutes(router);
  outboxRoutes(router);
  sessionRoutes(router);
  agencyRoutes(router);
  webhookEndpointRoutes(router);
}
