import type { Brand } from '@agentstack/sdk';

/** The brand's logo and name; a monogram stands in for a missing logo. */
export function BrandMark({ brand }: { brand: Brand }) {
  return (
    <span className="brand-mark">
      {brand.logoUrl ? (
        <img className="brand-mark__logo" src={brand.logoUrl} alt="" width={28} height={28} />
      ) : (
        <span className="brand-mark__logo brand-mark__logo--monogram" aria-hidden="true">
          {brand.name.slice(0, 1).toUpperCase()}
        </span>
      )}
      <span className="brand-mark__name" data-testid="brand-name">
        {brand.name}
      </span>
    </span>
  );
}
