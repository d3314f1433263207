import type { ReactNode } from 'react';
import type { PageId } from '../state/navigation';

/** 16 px line icons drawn in the text colour; decorative, since every one sits beside a label. */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const pageIcons: Record<PageId, () => ReactNode> = {
  batch: () => (
    <Icon>
      <path d="M8 1.8 14.2 5 8 8.2 1.8 5Z" />
      <path d="m1.8 8 6.2 3.2L14.2 8" />
      <path d="m1.8 11 6.2 3.2 6.2-3.2" />
    </Icon>
  ),
  interviews: () => (
    <Icon>
      <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2Z" />
      <path d="M5 6.2h6M5 8.2h4" />
    </Icon>
  ),
  pricing: () => (
    <Icon>
      <path d="M8.6 1.8h5.6v5.6L7.6 14 2 8.4Z" />
      <circle cx="11.2" cy="4.8" r="1" />
    </Icon>
  ),
  skills: () => (
    <Icon>
      <path d="M8 1.8 9.7 6.3l4.5 1.7-4.5 1.7L8 14.2 6.3 9.7 1.8 8l4.5-1.7Z" />
    </Icon>
  ),
  gpu: () => (
    <Icon>
      <rect x="3.5" y="3.5" width="9" height="9" rx="1.2" />
      <rect x="6" y="6" width="4" height="4" rx=".5" />
      <path d="M6 1.5v2M10 1.5v2M6 12.5v2M10 12.5v2M1.5 6h2M1.5 10h2M12.5 6h2M12.5 10h2" />
    </Icon>
  ),
  models: () => (
    <Icon>
      <path d="M8 1.8 13.8 5v6L8 14.2 2.2 11V5Z" />
      <path d="M2.2 5 8 8.2 13.8 5M8 8.2v6" />
    </Icon>
  ),
  metrics: () => (
    <Icon>
      <path d="M2 14h12" />
      <path d="M4 11.5V8M7 11.5V4M10 11.5V6.5M13 11.5V2.5" />
    </Icon>
  ),
  settings: () => (
    <Icon>
      <path d="M2 4h7M12 4h2M2 8h2M7 8h7M2 12h6M11 12h3" />
      <circle cx="10.5" cy="4" r="1.5" />
      <circle cx="5.5" cy="8" r="1.5" />
      <circle cx="9.5" cy="12" r="1.5" />
    </Icon>
  ),
};
