/**
 * @module
 * Boxes: a card around one thing (a supporter, a reply), a notice that
 * tells the visitor something about the page, and a disclosure that folds
 * away what most people need only once.
 */
import type { ComponentChildren } from 'preact';

export interface CardProps {
  /** `li` inside lists, `section` for a titled part of a page. */
  as?: 'div' | 'li' | 'section' | 'article';
  class?: string;
  children: ComponentChildren;
  'aria-labelledby'?: string;
}

export function Card({ as: Tag = 'div', class: extra, children, ...rest }: CardProps) {
  return (
    <Tag class={extra ? `card ${extra}` : 'card'} {...rest}>
      {children}
    </Tag>
  );
}

export interface NoticeProps {
  kind?: 'info' | 'warning' | 'error';
  class?: string;
  children: ComponentChildren;
}

/** `error` notices are alerts (read at once); the others are plain text. */
export function Notice({ kind = 'info', class: extra, children }: NoticeProps) {
  const base = kind === 'error' ? 'notice error' : kind === 'warning' ? 'notice warning' : 'notice';
  return (
    <div class={extra ? `${base} ${extra}` : base} role={kind === 'error' ? 'alert' : undefined}>
      {children}
    </div>
  );
}

export interface DisclosureProps {
  summary: ComponentChildren;
  class?: string;
  /** Open at first (the visitor can still fold it). */
  open?: boolean;
  children: ComponentChildren;
}

export function Disclosure({ summary, class: extra, open = false, children }: DisclosureProps) {
  return (
    <details class={extra ? `disclosure ${extra}` : 'disclosure'} open={open}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
