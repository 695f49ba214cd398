/**
 * @module
 * Progress of a slow step (proof of work, unlocking a vault): a labelled
 * `<progress>`, indeterminate without a value, with the step in words.
 */
import { useId } from 'preact/hooks';

export interface ProgressProps {
  label: string;
  /** 0 to 1; leave out while the end is unknown. */
  value?: number | undefined;
  class?: string;
}

export function Progress({ label, value, class: extra }: ProgressProps) {
  const id = useId();
  return (
    <div class={extra ? `progress ${extra}` : 'progress'}>
      <p id={id}>{label}</p>
      {value === undefined ? (
        <progress aria-labelledby={id} />
      ) : (
        <progress aria-labelledby={id} max={1} value={value} />
      )}
    </div>
  );
}
