/**
 * @module
 * What the doctor can do with a reply besides writing back: copy its text,
 * and delete the whole conversation with its supporter (PROTOCOL.md §10.4:
 * only then are the replies acknowledged, which deletes them from the relay).
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { announce, Button } from '../ui';
import { ConfirmDelete } from './confirm-delete';

export interface ReplyActionsProps {
  text: string;
  name: string;
  onDelete: () => Promise<void>;
  /** Whether the doctor kept copies of messages to this supporter (they stay, §10.2). */
  copiesKept?: boolean;
}

export function ReplyActions({ text, name, onDelete, copiesKept = false }: ReplyActionsProps) {
  const [confirming, setConfirming] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      announce(t('mailbox.reply.copied'));
    } catch {
      announce(t('mailbox.reply.copyFailed'));
    }
  }
  return (
    <>
      <div class="actions">
        <Button variant="secondary" onClick={() => void copy()}>
          {t('mailbox.reply.copy')}
        </Button>
        <Button variant="quiet" onClick={() => setConfirming(true)}>
          {t('mailbox.conversation.delete')}
        </Button>
      </div>
      <ConfirmDelete
        open={confirming}
        title={t('mailbox.conversation.confirmTitle', { name })}
        text={[
          t('mailbox.conversation.confirmText', { name }),
          copiesKept ? t('mailbox.conversation.copiesStay') : '',
        ]
          .filter(Boolean)
          .join(' ')}
        onConfirm={async () => {
          await onDelete();
          setConfirming(false);
        }}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
