import { customerOperations as op } from '@agentstack/sdk/contract';
import type { TenantPrincipal } from '../../../auth/principal';
import type { ApiRouter } from '../../../http/route';
import { RateLimitedError } from '../../platform/sessions/service';
import { sendSignUpEmail } from './email';
import { customerService } from './service';

/** `429`s carry `Retry-After`. */
async function withRetryAfter<T>(c: { header(name: string, value: string): void }, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds));
    throw error;
  }
}

/** Serves `/v1/commerce/customers`. The `/me…` routes come first: `me` is no customer id. */
export function customerRoutes(router: ApiRouter): void {
  router.implement(
    op.signUp,
    ({ db, tenant, body, app, c }) =>
      withRetryAfter(c, async () => {
        const caller = tenant();
        const started = await customerService.signUp(
          db,
          caller,
          body,
          app.signInLimiter,
          app.clientAddress(c),
        );
        // Either email (a code, or a notice to an existing account) is sent before answering,
        // so the answer takes as long and says the same either way.
        const status = await sendSignUpEmail(app, db, caller, started.mail);
        return {
          object: 'customer_sign_up' as const,
          email: started.email,
          delivery: { status },
          expiresAt: started.expiresAt.toISOString(),
        };
      }),
    // Attempts are counted even when refused: no request transaction.
    { transaction: false },
  );
  router.implement(op.verify, ({ db, tenant, body }) => customerService.verify(db, tenant(), body.token));
  router.implement(
    op.signIn,
    ({ db, tenant, body, app, c }) =>
      withRetryAfter(c, () =>
        customerService.signIn(db, tenant(), body, app.signInLimiter, app.clientAddress(c)),
      ),
    { transaction: false },
  );
  router.implement(op.signOut, async ({ db, tenant, app, afterCommit }) => {
    const revoked = await customerService.signOut(db, tenant());
    await app.auth.revokeOnCommit(db, afterCommit);
    return revoked;
  });
  router.implement(op.me, ({ db, tenant }) => customerService.me(db, tenant()));
  router.implement(
    op.updateMe,
    ({ db, tenant, body, app, c, afterCommit }) =>
      withRetryAfter(c, async () => {
        // The current password is checked first, outside the transaction (its count must
        // outlive a wrong guess); the update then re-checks the token in its own transaction.
        await customerService.checkCurrentPassword(
          db,
          tenant(),
          body,
          app.signInLimiter,
          app.clientAddress(c),
        );
        return app.db.transaction(async (tx) => {
          const current = await app.auth.confirm(tx, c.req.header('authorization'), op.updateMe.permission);
          const { customer, revoked } = await customerService.updateMe(tx, current as TenantPrincipal, body);
          if (revoked) await app.auth.revokeOnCommit(tx, afterCommit);
          return customer;
        });
      }),
    { transaction: false },
  );
  router.implement(op.listAddresses, ({ db, tenant, query }) =>
    customerService.listAddresses(db, tenant(), query),
  );
  router.implement(op.createAddress, ({ db, tenant, body }) =>
    customerService.createAddress(db, tenant(), body),
  );
  router.implement(op.updateAddress, ({ db, tenant, params, body }) =>
    customerService.updateAddress(db, tenant(), params.id, body),
  );
  router.implement(op.deleteAddress, ({ db, tenant, params }) =>
    customerService.deleteAddress(db, tenant(), params.id),
  );
  router.implement(op.listOrders, ({ db, tenant, query }) => customerService.listOrders(db, tenant(), query));
  router.implement(op.retrieveOrder, ({ db, tenant, params }) =>
    customerService.retrieveOrder(db, tenant(), params.id),
  );
  router.implement(op.list, ({ db, tenant, query }) => customerService.list(db, tenant(), query));
  router.implement(op.retrieve, ({ db, tenant, params }) =>
    customerService.retrieve(db, tenant(), params.id),
  );
  router.implement(op.update, ({ db, tenant, params, body }) =>
    customerService.update(db, tenant(), params.id, body),
  );
}
