/**
 * @module
 * The doctor's choice to keep a copy of what they write (PROTOCOL.md §10.1):
 * unticked unless they tick it, with one sentence on what it means.
 */
import { t } from '../i18n';
import { draft } from './draft';

export function KeepCopy() {
  return (
    <div class="doctor-keep-copy">
      <label class="check">
        <input
          id="write-keep-copy"
          type="checkbox"
          aria-describedby="write-keep-copy-hint"
          checked={draft.keepCopy.value}
          onChange={(event) => {
            draft.keepCopy.value = event.currentTarget.checked;
          }}
        />
        {t('write.copy.label')}
      </label>
      <p id="write-keep-copy-hint" class="hint">
        {t('write.copy.hint')}
      </p>
    </div>
  );
}
