/**
 * @module
 * Moving focus to what just appeared (an error, a new heading), once it is
 * rendered: the caller bumps a counter, the element gets focus after the
 * render that shows it.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** Returns a ref and a function that focuses the ref's element after the next render. */
export function useFocusAfterRender<T extends HTMLElement>(): [RefObject<T | null>, () => void] {
  const ref = useRef<T>(null);
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    if (turn > 0) ref.current?.focus();
  }, [turn]);
  return [ref, () => setTurn((n) => n + 1)];
}
