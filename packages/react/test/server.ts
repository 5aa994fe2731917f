import { setupServer } from 'msw/node';

/** The msw server every component test shares; stories register their handlers on it. */
export const server = setupServer();
