import { PlanBadge } from '../../platform/PlanBadge/PlanBadge';
import { UsageMeter } from '../../platform/UsageMeter/UsageMeter';

/** Props of {@link ProductLimitBanner}. */
export interface ProductLimitBannerProps {
  /** Fraction of the limit from which the meter warns. Defaults to `0.8`. */
  warnAt?: number;
}

/**
 * The commerce plan badge and the `commerce.products` usage meter, for the head of product
 * screens: "Products 950 / 1,000 · Nearing your limit · Available on the Commerce Growth plan".
 */
export function ProductLimitBanner({ warnAt }: ProductLimitBannerProps) {
  return (
    <div className="as-limit-banner">
      <PlanBadge domain="commerce" />
      <UsageMeter limitKey="commerce.products" warnAt={warnAt} />
    </div>
  );
}
