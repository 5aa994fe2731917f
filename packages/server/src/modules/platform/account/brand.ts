import type { Brand } from '@agentstack/sdk/schemas';
import { eq } from 'drizzle-orm';
import type { TenantRow } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { agencies } from '../../../db/schema';

/** The brand `tenant` is shown: its agency's, else `fallback` (the server's default brand). */
export async function tenantBrand(db: Executor, tenant: TenantRow, fallback: Brand): Promise<Brand> {
  if (!tenant.agencyId) return fallback;
  const [row] = await db
    .select({ brand: agencies.brand })
    .from(agencies)
    .where(eq(agencies.id, tenant.agencyId));
  return (row?.brand as Brand | undefined) ?? fallback;
}
