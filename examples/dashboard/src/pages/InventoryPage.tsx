import { InventoryBoard } from '@agentstack/react';
import { PageHead } from '../PageHead';

/**
 * Stock per product and location: on hand, reserved by open checkouts, available, low stock
 * marked. Owners and admins adjust a level with a reason (each change is kept as a movement);
 * other roles read. The shell's realtime stream keeps the levels live.
 */
export function InventoryPage() {
  return (
    <>
      <PageHead
        title="Inventory"
        lede="What is on the shelf, what open checkouts hold, and what is running low."
      />
      <InventoryBoard live={false} />
    </>
  );
}
