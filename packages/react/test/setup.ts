import { setProjectAnnotations } from '@storybook/react';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './server';

// Stories need the Storybook preview (decorators, loaders); it imports DOM-only modules, so tests
// in the node environment (SSR, packaging) run without it.
if (typeof document !== 'undefined') {
  const { default: preview } = await import('../../../.storybook/preview');
  setProjectAnnotations([preview]);
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());
