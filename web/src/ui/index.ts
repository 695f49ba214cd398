/**
 * @module
 * The pages' one component kit. Pages compose these; they do not build DOM
 * by hand, set `innerHTML`, or use `style` (the Content-Security-Policy
 * forbids inline styles: use classes and `hidden`).
 */
export { Button, ButtonLink } from './button';
export { Card, Disclosure, Notice } from './card';
export { Dialog } from './dialog';
export { type ControlProps, Field } from './field';
export { announce } from './live-region';
export { mount, Page, type Role } from './page';
export { Progress } from './progress';
export { loadSite, site } from './site';
export { useFocusAfterRender } from './use-focus';
