import { agencyOperations as op } from '@agentstack/sdk/contract';
import type { ApiRouter } from '../../../http/route';
import { agencyService } from './service';

/**
 * Serves `/v1/platform/agencies`: resellers, their brands and keys. Operator keys reach every
 * agency; an agency key its own (read, brand, list and revoke its keys), any other answering `404`.
 */
export function agencyRoutes(router: ApiRouter): void {
  router.implement(op.list, ({ db, query }) => agencyService.list(db, query));
  router.implement(op.create, ({ db, body }) => agencyService.create(db, body));
  router.implement(op.retrieve, ({ db, params, principal }) =>
    agencyService.retrieve(db, principal!, params.id),
  );
  router.implement(op.update, ({ db, params, body, principal }) =>
    agencyService.update(db, principal!, params.id, body),
  );
  router.implement(op.createKey, ({ db, params, body, principal }) =>
    agencyService.createKey(db, principal!, params.id, body),
  );
  router.implement(op.listKeys, ({ db, params, query, principal }) =>
    agencyService.listKeys(db, principal!, params.id, query),
  );
  router.implement(op.revokeKey, async ({ db, params, principal, app, afterCommit }) => {
    const key = await agencyService.revokeKey(db, principal!, params.id, params.keyId);
    await app.auth.revokeOnCommit(db, afterCommit);
    return key;
  });
}
