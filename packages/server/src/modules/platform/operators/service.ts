import { newId } from '@agentstack/sdk/schemas';
import { eq } from 'drizzle-orm';
import { generateSecret, hashSecret, secretPrefix } from '../../../auth/credentials';
import type { Executor } from '../../../db/client';
import { operatorKeys } from '../../../db/schema';

/**
 * Creates an operator key — the self-hoster's credential for tenants, agencies and plans — and
 * returns its secret, which is stored only as a hash. Pass `secret` to install a known key
 * (e.g. from `AGENTSTACK_OPERATOR_KEY`).
 */
export async function createOperatorKey(
  db: Executor,
  name = 'default',
  secret = generateSecret('op'),
): Promise<{ id: string; secret: string }> {
  if (!secret.startsWith('op_') || secret.length < 24)
    throw new Error('operator keys look like op_ followed by at least 21 characters');
  const id = newId('opk');
  await db
    .insert(operatorKeys)
    .values({ id, name, prefix: secretPrefix(secret), secretHash: hashSecret(secret) });
  return { id, secret };
}

/** How an operator key is shown as the creator of an API key: its name and prefix. */
export async function operatorKeyLabel(db: Executor, id: string): Promise<string> {
  const [row] = await db
    .select({ name: operatorKeys.name, prefix: operatorKeys.prefix })
    .from(operatorKeys)
    .where(eq(operatorKeys.id, id));
  return row ? `operator: ${row.name} (${row.prefix})` : `operator ${id}`;
}
