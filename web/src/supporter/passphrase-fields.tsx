/**
 * @module
 * Choosing a passphrase: the field, its strength in words, a suggestion in
 * the page's language (its word list is loaded only now), a "Use this
 * passphrase" button that fills both fields, and the confirmation.
 *
 * "Show passphrase" is the supporter's choice alone: nothing here turns it
 * on, not even a suggestion (which is shown on its own, to be written down).
 */
import { useEffect, useState } from 'preact/hooks';
import { lang, type MessageKey, t } from '../i18n';
import { announce, Button, Field } from '../ui';
import { assessPassphrase, type PassphraseAssessment, suggestPassphrase } from './passphrase';
import { loadWordList } from './word-lists';

const PROBLEM_KEYS: Record<PassphraseAssessment['problems'][number], MessageKey> = {
  empty: 'join.strength.problem.empty',
  short: 'join.strength.problem.short',
  common: 'join.strength.problem.common',
  personal: 'join.strength.problem.personal',
  repeated: 'join.strength.problem.repeated',
  sequence: 'join.strength.problem.sequence',
};

const LEVEL_KEYS: MessageKey[] = [
  'join.strength.level0',
  'join.strength.level1',
  'join.strength.level2',
  'join.strength.level3',
  'join.strength.level4',
];

export interface PassphraseFieldsProps {
  value: string;
  confirm: string;
  onValue: (value: string) => void;
  onConfirm: (value: string) => void;
  /** Login, name, e-mail, town: guessed first, so they score low. */
  personal: readonly string[];
  error: string | null;
  confirmError: string | null;
  /** Start of the fields' ids: `join` on the join page, `change` for a new passphrase. */
  prefix?: string;
  /** The legend; the join page's by default. */
  legend?: string;
}

/** The estimate for what is typed; the page's word list once it has loaded. */
export function usePassphraseAssessment(
  value: string,
  personal: readonly string[],
): PassphraseAssessment {
  const [, setLoaded] = useState(0);
  const language = lang.value;
  useEffect(() => {
    if (value === '') return;
    // The estimate knows a list's words only once it is loaded: load it, then score again.
    loadWordList(language).then(
      () => setLoaded((n) => n + 1),
      () => {},
    );
  }, [value === '', language]);
  return assessPassphrase(value, personal);
}

export function PassphraseFields(props: PassphraseFieldsProps) {
  const { value, confirm, onValue, onConfirm, personal, error, confirmError } = props;
  const prefix = props.prefix ?? 'join';
  const [show, setShow] = useState(false);
  const [suggested, setSuggested] = useState<string | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  const [suggestFailed, setSuggestFailed] = useState(false);
  const assessment = usePassphraseAssessment(value, personal);
  // Preact types `type` per kind of input; both kinds take the same attributes here.
  const type = (show ? 'text' : 'password') as 'text';

  const suggest = async () => {
    setSuggesting(true);
    setSuggestFailed(false);
    try {
      const list = await loadWordList(lang.value);
      setSuggested(suggestPassphrase(list.words, list.count));
      announce(t('join.suggestion.announce'));
    } catch {
      setSuggestFailed(true);
    } finally {
      setSuggesting(false);
    }
  };

  const use = () => {
    if (suggested === null) return;
    onValue(suggested);
    onConfirm(suggested);
    announce(t('join.suggestion.used'));
  };

  return (
    <fieldset>
      <legend>{props.legend ?? t('join.passphrase.legend')}</legend>
      <p>{t('join.passphrase.intro')}</p>
      <Field id={`${prefix}-passphrase`} label={t('join.passphrase.label')} error={error}>
        {(control) => (
          <input
            {...control}
            aria-describedby={[control['aria-describedby'], `${prefix}-strength-text`]
              .filter(Boolean)
              .join(' ')}
            type={type}
            autocomplete="new-password"
            autocapitalize="none"
            spellcheck={false}
            value={value}
            onInput={(event) => onValue(event.currentTarget.value)}
          />
        )}
      </Field>
      <label class="check">
        <input
          type="checkbox"
          id={`${prefix}-show-passphrase`}
          checked={show}
          onChange={(event) => setShow(event.currentTarget.checked)}
        />{' '}
        <span>{t('join.passphrase.show')}</span>
      </label>
      <div class="strength" aria-hidden="true">
        <span class="strength-bar" data-level={String(value === '' ? 0 : assessment.level)} />
      </div>
      <div id={`${prefix}-strength`} aria-live="polite">
        <p class="strength-text" id={`${prefix}-strength-text`}>
          {value === '' ? (
            t('join.strength.empty')
          ) : (
            <>
              <strong>{t(LEVEL_KEYS[assessment.level] ?? 'join.strength.level0')}</strong>{' '}
              <span>
                {t(assessment.acceptable ? 'join.strength.good' : 'join.strength.weak', {
                  bits: assessment.bits,
                })}
              </span>
            </>
          )}
        </p>
        <ul class="strength-problems">
          {value === ''
            ? null
            : assessment.problems.map((problem) => (
                <li key={problem}>{t(PROBLEM_KEYS[problem])}</li>
              ))}
        </ul>
      </div>
      <div class="actions">
        <Button
          variant="secondary"
          id={`${prefix}-suggest`}
          busy={suggesting}
          onClick={() => void suggest()}
        >
          {t('join.suggest')}
        </Button>
      </div>
      {suggestFailed ? <p class="error">{t('error.network')}</p> : null}
      {suggested === null ? null : (
        <div class="notice suggestion" id={`${prefix}-suggestion`}>
          <p>{t('join.suggestion.intro', { count: suggested.split(' ').length })}</p>
          <p class="suggested-passphrase" id={`${prefix}-suggested-text`}>
            {suggested}
          </p>
          <p class="hint">{t('join.suggestion.hint')}</p>
          <div class="actions">
            <Button variant="secondary" id={`${prefix}-use-suggestion`} onClick={use}>
              {t('join.suggestion.use')}
            </Button>
          </div>
        </div>
      )}
      <Field id={`${prefix}-confirm`} label={t('join.confirm.label')} error={confirmError}>
        {(control) => (
          <input
            {...control}
            type={type}
            autocomplete="new-password"
            autocapitalize="none"
            spellcheck={false}
            value={confirm}
            onInput={(event) => onConfirm(event.currentTarget.value)}
          />
        )}
      </Field>
    </fieldset>
  );
}
