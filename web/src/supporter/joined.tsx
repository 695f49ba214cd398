/** @module What a new supporter sees once they have joined: their fingerprint and what to do next. */
import { useEffect, useRef } from 'preact/hooks';
import { localHref, t } from '../i18n';
import { announce, ButtonLink } from '../ui';

export function Joined({ fingerprint }: { fingerprint: string }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
    announce(t('join.done.heading'));
  }, []);
  return (
    <section
      id="joined"
      class="card joined"
      aria-labelledby="joined-heading"
      tabIndex={-1}
      ref={ref}
    >
      <h2 id="joined-heading">{t('join.done.heading')}</h2>
      <p>{t('join.done.listed')}</p>
      <h3>{t('join.done.fingerprint')}</h3>
      <p class="fingerprint fingerprint-large" id="joined-fingerprint">
        {fingerprint}
      </p>
      <p class="hint">{t('join.done.fingerprintHint')}</p>
      <h3>{t('join.done.next')}</h3>
      <ol>
        <li>{t('join.done.step1')}</li>
        <li>{t('join.done.step2')}</li>
        <li>{t('join.done.step3')}</li>
      </ol>
      <p>
        <ButtonLink href={localHref('/supporter')}>{t('join.done.inbox')}</ButtonLink>
      </p>
    </section>
  );
}
