/**
 * @module
 * Whether the doctor pages of this build verify directory entries
 * (PROTOCOL.md §13): the key they verify with, or, for a build without one
 * (a first local run), that the directory is not signed and how to sign it.
 * The key comes from the build (../verified-scripts.ts), never from the relay.
 */

import { t } from '../i18n';
import { Notice } from '../ui';
import { DIRECTORY_PUBLIC_KEY } from '../verified-scripts';

export function DirectorySigning() {
  if (DIRECTORY_PUBLIC_KEY !== null) {
    return (
      <p id="operator-directory-key" class="hint">
        {t('operator.directory.signed')} <code class="fingerprint">{DIRECTORY_PUBLIC_KEY}</code>
      </p>
    );
  }
  return (
    <Notice kind="warning" class="operator-directory-unsigned">
      <h2 class="doctor-who-sees-title">{t('operator.directory.unsigned.title')}</h2>
      <p>{t('operator.directory.unsigned')}</p>
      <ol>
        <li>
          {t('operator.directory.step.key')}{' '}
          <code>npm run directory-key -- directory-key.json</code>
        </li>
        <li>
          {t('operator.directory.step.build')} <code>DIRECTORY_PUBLIC_KEY=…</code>
        </li>
        <li>
          {t('operator.directory.step.sign')}{' '}
          <code>npm run sign-directory -- --key directory-key.json --relay …</code>
        </li>
      </ol>
    </Notice>
  );
}
