import type { LoaderFunction } from 'storybook/internal/types';
import { server } from './server';

/** Test stand-in for `msw-storybook-addon/csf3`'s loader: `context.msw` is the msw/node server. */
export function mswLoader(): LoaderFunction {
  return async (context) => {
    (context as unknown as { msw: typeof server }).msw = server;
    server.resetHandlers();
    return {};
  };
}
