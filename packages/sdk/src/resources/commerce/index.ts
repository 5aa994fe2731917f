import type { AgentStack } from '../../client';
import { Products } from './products';

/** `client.commerce`: the commerce domain. */
export class Commerce {
  /** Products of the tenant's catalogue. */
  readonly products: Products;

  /** @param client The client whose request helper the resources call. */
  constructor(client: AgentStack) {
    this.products = new Products(client);
  }
}
