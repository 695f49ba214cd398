/**
 * @module
 * The join form: login, the directory entry (county from a list,
 * specialties and languages from lists, labelled in the page's language,
 * codes sent), and the passphrase. Every problem is marked at its field,
 * focus goes to the first; a refusal from the relay keeps what was typed.
 */
import { useRef, useState } from 'preact/hooks';
import { type MessageKey, t } from '../i18n';
import { Button, Field, Progress } from '../ui';
import { PassphraseFields, usePassphraseAssessment } from './passphrase-fields';
import { EMPTY_PROFILE, type ProfileDraft, ProfileFields, profileProblems } from './profile-fields';
import { type JoinDetails, type JoinStep, joinErrorKey, register } from './register';

const LOGIN_PATTERN = /^[\p{L}\p{N}._@+-]{3,64}$/u;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

type FieldName =
  | 'login'
  | 'email'
  | 'name'
  | 'county'
  | 'town'
  | 'specialties'
  | 'languages'
  | 'modalities'
  | 'passphrase'
  | 'confirm';
type Errors = Partial<Record<FieldName, MessageKey>>;

/** Where focus goes for each field's problem. */
const FOCUS: Record<FieldName, string> = {
  login: 'join-login',
  email: 'join-email',
  name: 'join-name',
  county: 'join-county',
  town: 'join-town',
  specialties: 'join-specialties',
  languages: 'join-languages',
  modalities: 'join-modalities',
  passphrase: 'join-passphrase',
  confirm: 'join-confirm',
};

function focusField(field: FieldName): void {
  const node = document.getElementById(FOCUS[field]);
  (node instanceof HTMLFieldSetElement ? (node.querySelector('input') ?? node) : node)?.focus();
}

export interface JoinFormProps {
  invite: string;
  onJoined: (fingerprint: string) => void;
}

export function JoinForm({ invite, onJoined }: JoinFormProps) {
  const [login, setLogin] = useState('');
  const [email, setEmail] = useState('');
  const [profile, setProfile] = useState<ProfileDraft>(EMPTY_PROFILE);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [step, setStep] = useState<JoinStep | null>(null);
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const failureRef = useRef<HTMLParagraphElement>(null);
  const personal = [login, profile.name, email, profile.town];
  const assessment = usePassphraseAssessment(passphrase, personal);

  const clear = (field: FieldName) =>
    setErrors((current) => {
      if (!current[field]) return current;
      const { [field]: _, ...rest } = current;
      return rest;
    });
  const error = (field: FieldName) => {
    const key = errors[field];
    return key ? t(key) : null;
  };
  const set = <K extends keyof ProfileDraft>(field: K, value: ProfileDraft[K]) => {
    setProfile((current) => ({ ...current, [field]: value }));
    if (field !== 'about') clear(field as FieldName);
  };

  const validate = (): Errors => {
    const found: Errors = {};
    if (!LOGIN_PATTERN.test(login.trim())) found.login = 'join.error.login';
    if (email.trim() !== '' && !EMAIL_PATTERN.test(email.trim())) found.email = 'join.error.email';
    Object.assign(found, profileProblems(profile));
    if (!assessment.acceptable) found.passphrase = 'join.error.weak';
    else if (confirm !== passphrase) found.confirm = 'join.error.confirm';
    return found;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (step !== null) return;
    const found = validate();
    setErrors(found);
    const first = (Object.keys(FOCUS) as FieldName[]).find((field) => found[field]);
    if (first) {
      // After the errors are drawn, so the described-by texts exist.
      queueMicrotask(() => focusField(first));
      return;
    }
    setFailure(null);
    const trimmedAbout = profile.about.trim();
    const details: JoinDetails = {
      login: login.trim(),
      ...(email.trim() === '' ? {} : { email: email.trim() }),
      profile: {
        name: profile.name.trim(),
        county: profile.county,
        town: profile.town.trim(),
        specialties: profile.specialties,
        languages: profile.languages,
        modalities: profile.modalities,
        ...(trimmedAbout === '' ? {} : { about: trimmedAbout }),
      },
      passphrase,
    };
    try {
      const shown = await register(invite, details, setStep);
      setPassphrase('');
      setConfirm('');
      onJoined(shown);
    } catch (caught) {
      const key = joinErrorKey(caught);
      setStep(null);
      setFailure(key);
      if (key === 'join.error.loginTaken') {
        setErrors({ login: 'join.error.loginTakenField' });
        queueMicrotask(() => focusField('login'));
      } else {
        queueMicrotask(() => failureRef.current?.focus());
      }
    }
  };

  return (
    <form id="join-form" class="supporter-form" noValidate onSubmit={(event) => void submit(event)}>
      <fieldset>
        <legend>{t('join.account.legend')}</legend>
        <Field
          id="join-login"
          label={t('join.login.label')}
          hint={t('join.login.hint')}
          error={error('login')}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              maxLength={64}
              value={login}
              onInput={(event) => {
                setLogin(event.currentTarget.value);
                clear('login');
              }}
            />
          )}
        </Field>
        <Field
          id="join-email"
          label={t('join.email.label')}
          hint={t('join.email.hint')}
          error={error('email')}
        >
          {(control) => (
            <input
              {...control}
              type="email"
              autocomplete="email"
              maxLength={254}
              value={email}
              onInput={(event) => {
                setEmail(event.currentTarget.value);
                clear('email');
              }}
            />
          )}
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t('join.profile.legend')}</legend>
        <p class="hint">{t('join.profile.hint')}</p>
        <ProfileFields
          prefix="join"
          draft={profile}
          set={set}
          error={error}
          countyPlaceholder={t('join.county.choose')}
        />
      </fieldset>

      <PassphraseFields
        value={passphrase}
        confirm={confirm}
        onValue={(value) => {
          setPassphrase(value);
          clear('passphrase');
        }}
        onConfirm={(value) => {
          setConfirm(value);
          clear('confirm');
        }}
        personal={personal}
        error={error('passphrase')}
        confirmError={error('confirm')}
      />

      {failure ? (
        <p class="error" id="join-error" role="alert" tabIndex={-1} ref={failureRef}>
          {t(failure)}
        </p>
      ) : null}
      {step ? (
        <div role="status" id="join-progress">
          <Progress class="progress-box" label={t(step)} />
        </div>
      ) : null}
      <div class="actions">
        <Button type="submit" id="join-submit" busy={step !== null}>
          {t('join.submit')}
        </Button>
      </div>
    </form>
  );
}
