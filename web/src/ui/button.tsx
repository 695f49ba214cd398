/**
 * @module
 * Buttons and button-looking links. `primary` is the one main action of a
 * view; `secondary` the others; `quiet` an action that should not draw the
 * eye (an away supporter's "write anyway").
 */
import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';

type Variant = 'primary' | 'secondary' | 'quiet';

function classes(variant: Variant, extra: string | undefined): string {
  return ['button', variant === 'primary' ? '' : variant, extra ?? ''].filter(Boolean).join(' ');
}

export interface ButtonProps
  extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'class' | 'type'> {
  variant?: Variant;
  class?: string;
  /** `submit` inside a form; otherwise a plain button. */
  type?: 'button' | 'submit';
  /** Disables the button and marks it busy while an action runs. */
  busy?: boolean;
  children: ComponentChildren;
}

export function Button({
  variant = 'primary',
  class: extra,
  type = 'button',
  busy = false,
  disabled,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      class={classes(variant, extra)}
      disabled={Boolean(disabled) || busy}
      aria-busy={busy ? 'true' : undefined}
    >
      {children}
    </button>
  );
}

export interface ButtonLinkProps {
  variant?: Variant;
  class?: string;
  href: string;
  'aria-describedby'?: string;
  /** Runs before the browser follows the link. */
  onClick?: () => void;
  children: ComponentChildren;
}

export function ButtonLink({
  variant = 'primary',
  class: extra,
  children,
  ...rest
}: ButtonLinkProps) {
  return (
    <a {...rest} class={classes(variant, extra)}>
      {children}
    </a>
  );
}
