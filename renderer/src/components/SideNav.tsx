import { hashOf, pages, useNavigation } from '../state/navigation';
import { modifierKeyName, modifierLabel } from '../lib/platform';
import { pageIcons } from './icons';

export function SideNav() {
  const current = useNavigation((state) => state.page);
  return (
    <nav className="side-nav" aria-label="Pages">
      <div className="side-nav__title">
        <span className="side-nav__mark" aria-hidden="true">TW</span>
        <span>Talent Workstation</span>
      </div>
      <ul className="side-nav__list">
        {pages.map((page, index) => {
          const Icon = pageIcons[page.id];
          const shortcut = `${modifierLabel}${index + 1}`;
          return (
            <li key={page.id}>
              <a
                className="side-nav__link"
                href={hashOf(page.id)}
                aria-current={page.id === current ? 'page' : undefined}
                aria-keyshortcuts={`${modifierKeyName}+${index + 1}`}
                title={`${page.label} (${shortcut})`}
                data-testid={`nav-${page.id}`}
              >
                <Icon />
                <span className="side-nav__label">{page.label}</span>
                <kbd className="side-nav__key" aria-hidden="true">{shortcut}</kbd>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
