// No runtime imports: the React kit reads this table without the operations or the schemas.
import type { RealtimeResourceTopic } from '../schemas/realtime/event';
import type { Permission } from './permissions';

/**
 * The read permission each realtime topic needs: a stream may only name topics its credential
 * can read (`403 forbidden` naming the topic otherwise). Also exported by
 * `@agentstack/sdk/contract` beside the stream's operation.
 */
export const REALTIME_TOPIC_PERMISSIONS: Readonly<Record<RealtimeResourceTopic, Permission>> = {
  products: 'commerce:products:read',
  users: 'platform:users:read',
  invitations: 'platform:users:read',
  inventory: 'commerce:inventory:read',
  orders: 'commerce:orders:read',
};
