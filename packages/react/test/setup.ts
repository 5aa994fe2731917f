import { setProjectAnnotations } from '@storybook/react';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { rawMessageKeys } from './rawMessageKeys';
import { server } from './server';

// Stories need the Storybook preview (decorators, loaders); it imports DOM-only modules, so tests
// in the node environment (SSR, packaging) run without it.
if (typeof document !== 'undefined') {
  const { default: preview } = await import('../../../.storybook/preview');
  setProjectAnnotations([preview]);
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  // Every render of every test (each component test plays all its stories) ends showing no
  // message key in place of its message: a key a component's dictionaries miss fails here.
  const raw = typeof document !== 'undefined' ? rawMessageKeys(document.body) : [];
  cleanup();
  server.resetHandlers();
  expect(raw, 'message keys shown instead of their messages').toEqual([]);
});
afterAll(() => server.close());
