import { agencyOperations as op } from '@agentstack/sdk/contract';
import type { ApiRouter } from '../../../http/route';
import { agencyService } from './service';

/** Serves `/v1/platform/agencies`: resellers and their brands (operator keys only). */
export function agencyRoutes(router: ApiRouter): void {
  router.implement(op.list, ({ db, query }) => agencyService.list(db, query));
  router.implement(op.create, ({ db, body }) => agencyService.create(db, body));
  router.implement(op.retrieve, ({ db, params }) => agencyService.retrieve(db, params.id));
  router.implement(op.update, ({ db, params, body }) => agencyService.update(db, params.id, body));
  router.implement(op.createKey, ({ db, params, body }) => agencyService.createKey(db, params.id, body));
}
