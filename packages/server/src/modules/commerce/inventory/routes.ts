import {
  inventoryLevelOperations as levels,
  stockLocationOperations as locations,
  inventoryMovementOperations as movements,
  reservationOperations as reservations,
} from '@agentstack/sdk/contract';
import { registerBackgroundTask } from '../../../events/dispatcher';
import type { ApiRouter } from '../../../http/route';
import { inventoryService, reservationExpiry, reservationService, stockLocationService } from './service';

registerBackgroundTask(reservationExpiry);

/** Serves stock locations, inventory levels, movements and reservations. */
export function inventoryRoutes(router: ApiRouter): void {
  router.implement(locations.list, ({ db, tenant, query }) => stockLocationService.list(db, tenant(), query));
  router.implement(locations.create, ({ db, tenant, body }) =>
    stockLocationService.create(db, tenant(), body),
  );
  router.implement(locations.retrieve, ({ db, tenant, params }) =>
    stockLocationService.retrieve(db, tenant(), params.id),
  );
  router.implement(locations.update, ({ db, tenant, params, body }) =>
    stockLocationService.update(db, tenant(), params.id, body),
  );
  router.implement(levels.list, ({ db, tenant, query }) => inventoryService.listLevels(db, tenant(), query));
  router.implement(levels.adjust, ({ db, tenant, body }) => inventoryService.adjust(db, tenant(), body));
  router.implement(levels.update, ({ db, tenant, params, body }) =>
    inventoryService.updateLevel(db, tenant(), params.id, body),
  );
  router.implement(movements.list, ({ db, tenant, query }) =>
    inventoryService.listMovements(db, tenant(), query),
  );
  router.implement(reservations.list, ({ db, tenant, query }) =>
    reservationService.list(db, tenant(), query),
  );
  router.implement(reservations.create, ({ db, tenant, body }) =>
    reservationService.create(db, tenant(), body),
  );
  router.implement(reservations.release, ({ db, tenant, params }) =>
    reservationService.release(db, tenant(), params.id),
  );
}
