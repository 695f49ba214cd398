/**
 * @module
 * The doctor's choice to keep a copy of what they write (PROTOCOL.md §10.1):
 * unticked unless they tick it, with one sentence on what it means. On the
 * write page (the draft's choice) and under a follow-up (its own).
 */
import { t } from '../i18n';

export interface KeepCopyProps {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function KeepCopy({ id, checked, onChange }: KeepCopyProps) {
  return (
    <div class="doctor-keep-copy">
      <label class="check">
        <input
          id={id}
          type="checkbox"
          aria-describedby={`${id}-hint`}
          checked={checked}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
        {t('write.copy.label')}
      </label>
      <p id={`${id}-hint`} class="hint">
        {t('write.copy.hint')}
      </p>
    </div>
  );
}
