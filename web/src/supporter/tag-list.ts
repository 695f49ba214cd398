/**
 * @module
 * An add/remove list of short texts (specialties): a text box, an Add
 * button and a list whose entries each have a Remove button. Enter in the
 * box adds instead of submitting the form; commas add several at once.
 * Removing moves focus somewhere sensible, so keyboard users never lose
 * their place.
 */
import type { MessageKey } from '../i18n';
import { el } from './dom';

export interface TagListOptions {
  input: HTMLInputElement;
  addButton: HTMLButtonElement;
  list: HTMLUListElement;
  max: number;
  maxLength: number;
  /** Label of each Remove button, with `{item}`. */
  removeKey: MessageKey;
  /** Called after every change, e.g. to clear an error. */
  onChange?: () => void;
}

export interface TagList {
  /** The entries, plus whatever is still typed in the box. */
  values(): string[];
  /** Moves what is typed in the box into the list. */
  commit(): void;
}

/** Splits on commas, trims, and drops empty and repeated entries (case-insensitive). */
export function splitList(text: string, existing: readonly string[] = []): string[] {
  const seen = new Set(existing.map((item) => item.toLowerCase()));
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (item === '' || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    out.push(item);
  }
  return out;
}

export function createTagList(options: TagListOptions): TagList {
  const { input, addButton, list, max, maxLength, removeKey } = options;
  const items: string[] = [];

  function render(): void {
    list.replaceChildren(
      ...items.map((item, index) => {
        // A short visible cross; the full "Remove …" for screen readers.
        const remove = el('button', { className: 'tag-remove', attributes: { type: 'button' } }, [
          el('span', { text: '×', attributes: { 'aria-hidden': 'true' } }),
          el('span', { className: 'visually-hidden', key: removeKey, params: { item } }),
        ]);
        remove.addEventListener('click', () => {
          items.splice(index, 1);
          render();
          options.onChange?.();
          // Focus the entry that took this one's place, else the text box.
          const next = list.querySelectorAll<HTMLButtonElement>('.tag-remove')[index];
          (
            next ??
            list.querySelectorAll<HTMLButtonElement>('.tag-remove')[index - 1] ??
            input
          ).focus();
        });
        return el('li', { className: 'tag' }, [el('span', { text: item }), remove]);
      }),
    );
    list.hidden = items.length === 0;
  }

  function commit(): void {
    for (const item of splitList(input.value, items)) {
      if (items.length >= max) break;
      items.push(item.slice(0, maxLength));
    }
    input.value = '';
    render();
    options.onChange?.();
  }

  addButton.addEventListener('click', () => {
    commit();
    input.focus();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    }
  });
  render();

  return {
    values: () => [...items, ...splitList(input.value, items)],
    commit,
  };
}
