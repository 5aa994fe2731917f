import type { Brand } from '@agentstack/sdk';
import { useState } from 'react';

/** The brand's logo and name; a monogram stands in for a missing logo, or one that fails to load. */
export function BrandMark({ brand }: { brand: Brand }) {
  const [failed, setFailed] = useState<string | null>(null);
  const logo = brand.logoUrl && failed !== brand.logoUrl ? brand.logoUrl : null;
  return (
    <span className="brand-mark">
      {logo ? (
        <img
          className="brand-mark__logo"
          src={logo}
          alt=""
          width={28}
          height={28}
          onError={() => setFailed(logo)}
        />
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
