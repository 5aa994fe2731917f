import type { Customer, CustomerAddress } from '@agentstack/sdk/schemas';
import { and, count, eq, gt, lt, ne, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { customerAddresses, customerSessions, customerSignUps, customers } from '../../../db/schema';
import { defineStore, wireOf } from '../../../db/store';
import { revokeLiveSessions } from '../../platform/sessions/store';

/** A customer row as stored (with its password hash, which never leaves the server). */
export type CustomerRow = typeof customers.$inferSelect;
/** A pending sign-up row (its code is stored as a hash only). */
export type CustomerSignUpRow = typeof customerSignUps.$inferSelect;
type AddressRow = typeof customerAddresses.$inferSelect;

/** The wire shape of a customer row: everything but the password hash. */
export function toCustomer(row: CustomerRow): Customer {
  return wireOf(row, 'customer', [
    'email',
    'name',
    'phone',
    'metadata',
    'createdAt',
    'updatedAt',
    'lastLoginAt',
  ]);
}

/** The wire shape of a saved address. */
export function toCustomerAddress(row: AddressRow): CustomerAddress {
  return wireOf(row, 'customer_address', ['address', 'isDefault', 'createdAt', 'updatedAt']);
}

/** SQL for one tenant's customers: `customerStore(db, tenantId)`. */
export const customerStore = defineStore({
  table: customers,
  scope: 'tenantId',
  toWire: toCustomer,
  orders: { createdAt: customers.id, email: customers.email },
  defaultOrder: '-createdAt',
});

/** SQL for one tenant's saved addresses; the service narrows every read to one customer. */
export const customerAddressStore = defineStore({
  table: customerAddresses,
  scope: 'tenantId',
  toWire: toCustomerAddress,
  orders: { createdAt: customerAddresses.id },
  defaultOrder: 'createdAt',
});

/** The customer of `tenantId` with this (normalised) email, if any. */
export async function customerByEmail(
  db: Executor,
  tenantId: string,
  email: string,
): Promise<CustomerRow | undefined> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.email, email)));
  return row;
}

/** Pending sign-ups: stored until their code is redeemed or expires. */
export function customerSignUpStore(db: Executor, tenantId: string) {
  return {
    async insert(values: Omit<typeof customerSignUps.$inferInsert, 'tenantId'>): Promise<void> {
      await db.insert(customerSignUps).values({ ...values, tenantId });
    },

    /**
     * Takes the live sign-up whose code hashes to `tokenHash` — deleting it, so a code is
     * redeemed once even by concurrent requests (only one DELETE returns the row).
     */
    async take(tokenHash: string, now: Date): Promise<CustomerSignUpRow | undefined> {
      const [row] = await db
        .delete(customerSignUps)
        .where(
          and(
            eq(customerSignUps.tenantId, tenantId),
            eq(customerSignUps.tokenHash, tokenHash),
            gt(customerSignUps.expiresAt, now),
          ),
        )
        .returning();
      return row;
    },

    /** Deletes the other sign-ups of an email once it has an account, and any that expired. */
    async removeForEmail(email: string, now: Date): Promise<void> {
      await db
        .delete(customerSignUps)
        .where(and(eq(customerSignUps.tenantId, tenantId), eq(customerSignUps.email, email)));
      await db.delete(customerSignUps).where(lt(customerSignUps.expiresAt, now));
    },
  };
}

/** SQL for one tenant's customer sessions (tokens stored as SHA-256 hashes). */
export function customerSessionStore(db: Executor, tenantId: string) {
  const revokeLive = (...conditions: (SQL | undefined)[]) =>
    revokeLiveSessions(db, customerSessions, tenantId, ...conditions);
  return {
    async insert(values: Omit<typeof customerSessions.$inferInsert, 'tenantId'>): Promise<void> {
      await db.insert(customerSessions).values({ ...values, tenantId });
    },
    /** Marks one live session revoked; returns whether it was live. */
    async revoke(id: string): Promise<boolean> {
      return (await revokeLive(eq(customerSessions.id, id))) > 0;
    },
    /** Revokes a customer's live sessions but `keepSessionId`; returns how many. */
    revokeForCustomer(customerId: string, keepSessionId?: string): Promise<number> {
      return revokeLive(
        eq(customerSessions.customerId, customerId),
        keepSessionId ? ne(customerSessions.id, keepSessionId) : undefined,
      );
    },
  };
}

/** How many addresses a customer has saved. */
export async function countAddresses(db: Executor, tenantId: string, customerId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(customerAddresses)
    .where(and(eq(customerAddresses.tenantId, tenantId), eq(customerAddresses.customerId, customerId)));
  return Number(row?.n ?? 0);
}

/** Clears a customer's default address (before another becomes it). */
export async function clearDefaultAddress(db: Executor, tenantId: string, customerId: string): Promise<void> {
  await db
    .update(customerAddresses)
    .set({ isDefault: false, updatedAt: new Date() })
    .where(
      and(
        eq(customerAddresses.tenantId, tenantId),
        eq(customerAddresses.customerId, customerId),
        eq(customerAddresses.isDefault, true),
      ),
    );
}

/** The condition of one customer's addresses (for pages). */
export function addressesOf(customerId: string): SQL {
  return eq(customerAddresses.customerId, customerId);
}
