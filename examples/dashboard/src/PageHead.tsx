import type { ReactNode } from 'react';

/** The heading of a page (its one `<h1>`), a line about it, and what sits beside them. */
export function PageHead({
  title,
  lede,
  children,
}: {
  title: string;
  lede: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="page-head">
      <div className="page-head__text">
        <h1 className="page-head__title">{title}</h1>
        <p className="page-head__lede">{lede}</p>
      </div>
      {children}
    </div>
  );
}
