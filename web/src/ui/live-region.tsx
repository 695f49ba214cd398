/**
 * @module
 * The page's one polite live region: `announce()` reads a sentence aloud to
 * screen readers without moving focus. {@link Page} renders it.
 */
import { signal } from '@preact/signals';

const message = signal('');

/** Reads `text` aloud; the same sentence twice is read twice. */
export function announce(text: string): void {
  message.value = '';
  queueMicrotask(() => {
    message.value = text;
  });
}

export function LiveRegion() {
  return (
    <div class="visually-hidden" aria-live="polite" data-announcer>
      {message.value}
    </div>
  );
}
