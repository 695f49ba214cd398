/**
 * @module
 * "Delete …?" in the kit's dialog: what is deleted, "Delete" and "Cancel".
 * The deletion runs from the dialog; a failure is said there and nothing
 * is claimed to be deleted.
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { Button, Dialog } from '../ui';

export interface ConfirmDeleteProps {
  open: boolean;
  title: string;
  text: string;
  /** Runs the deletion; throws when nothing was deleted. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

export function ConfirmDelete({ open, title, text, onConfirm, onClose }: ConfirmDeleteProps) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const close = () => {
    setFailed(false);
    onClose();
  };
  async function confirm() {
    setBusy(true);
    setFailed(false);
    try {
      await onConfirm();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog open={open} title={title} onClose={close}>
      <p>{text}</p>
      {failed ? (
        <p class="error" role="alert">
          {t('mailbox.delete.failed')}
        </p>
      ) : null}
      <div class="actions">
        <Button busy={busy} onClick={() => void confirm()}>
          {t('mailbox.delete.confirm')}
        </Button>
        <Button variant="secondary" onClick={close}>
          {t('mailbox.delete.cancel')}
        </Button>
      </div>
    </Dialog>
  );
}
