import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  lead?: ReactNode;
  /** Buttons shown at the right of the title. */
  actions?: ReactNode;
}

/** The page's <h1>; focusable from script so navigation can move focus to it. */
export function PageHeader({ title, lead, actions }: PageHeaderProps) {
  return (
    <header className="page-header">
      <div className="page-header__text">
        <h1 tabIndex={-1}>{title}</h1>
        {lead !== undefined && <p className="page-header__lead">{lead}</p>}
      </div>
      {actions !== undefined && <div className="page-header__actions">{actions}</div>}
    </header>
  );
}
