import { operation } from '../operation';

/** `/v1/platform/sessions`: dashboard sign-in and sign-out. */
export const sessionOperations = {
  /** Signs a dashboard user in. The response's `token` is the bearer credential for `withOptions({ apiKey: token })`. */
  create: operation({
    method: 'post',
    path: '/v1/platform/sessions',
    tag: 'platform',
    summary: 'Sign a dashboard user in',
    permission: 'public',
    body: 'SessionCreate',
    response: 'Session',
    status: 201,
    errors: ['invalid_credentials'],
    secret: true,
  }),
  /** Signs out: revokes the session whose token this client uses. */
  revoke: operation({
    method: 'delete',
    path: '/v1/platform/sessions/current',
    tag: 'platform',
    summary: 'Sign out the current session',
    permission: 'public',
    response: 'RevokedSession',
  }),
} as const;
