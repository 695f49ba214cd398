/**
 * @module
 * Moving focus to what just appeared (an error, a new heading): the caller
 * bumps a counter, and the element gets focus in the same commit that puts
 * it on the page (a layout effect, before the browser paints), so no one —
 * a screen reader, a test — sees the new content without the focus on it.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Returns a ref and a function that focuses the ref's element when the next render commits. */
export function useFocusAfterRender<T extends HTMLElement>(): [RefObject<T | null>, () => void] {
  const ref = useRef<T>(null);
  const [turn, setTurn] = useState(0);
  useLayoutEffect(() => {
    if (turn > 0) ref.current?.focus();
  }, [turn]);
  return [ref, () => setTurn((n) => n + 1)];
}
