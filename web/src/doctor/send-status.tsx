/**
 * @module
 * What a form shows while a message is sent and when it fails: the
 * progress of the proof of work, and the failure in kind words, with a link
 * back to the list when another supporter could help sooner.
 */
import type { Ref } from 'preact';
import { localHref, t } from '../i18n';
import { Progress } from '../ui';
import type { SendFailure } from './errors';

export function SendProgress({
  id,
  sending,
  share,
}: {
  id?: string;
  sending: boolean;
  share: number;
}) {
  // Always in the page, shown and hidden, so assistive technology follows one element.
  return (
    <div id={id} class="doctor-progress" hidden={!sending}>
      <Progress label={t('write.progress')} value={share} />
    </div>
  );
}

export interface SendErrorProps {
  id: string;
  failure: SendFailure | null;
  textRef: Ref<HTMLParagraphElement>;
}

export function SendError({ id, failure, textRef }: SendErrorProps) {
  if (!failure) return null;
  return (
    <div id={id} class="notice warning" role="alert">
      <p id={`${id}-text`} ref={textRef} tabIndex={-1}>
        {failure.message}
      </p>
      {failure.suggestAnother ? (
        <p>
          <a href={localHref('/')}>{t('write.chooseAnother')}</a>
        </p>
      ) : null}
    </div>
  );
}
