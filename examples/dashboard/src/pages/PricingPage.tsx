import { PricingSettings } from '@agentstack/react';
import { PageHead } from '../PageHead';

/**
 * What carts pay besides the catalogue's prices: regions (currency, countries, tax rate), their
 * shipping options and discount codes. Owners and admins add and edit them; other roles read
 * (moderators see nothing of it). Every commerce plan has all of it.
 */
export function PricingPage() {
  return (
    <>
      <PageHead
        title="Pricing"
        lede="Where you sell and at what tax, what shipping costs, and which codes take money off."
      />
      <PricingSettings />
    </>
  );
}
