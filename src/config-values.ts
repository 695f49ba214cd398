/**
 * @module
 * The value types of configuration (src/config.ts): valibot pipes for whole
 * numbers, flags, URLs, secrets, e-mail addresses and emergency numbers,
 * each failing with a sentence that the variable's name completes; the notes
 * docs/configuration.md prints beside a variable; and `ConfigError` and the
 * trimming of raw environment values that src/config.ts starts from.
 */
import * as v from 'valibot';

/** How a variable is given to a Worker: a plain-text `[vars]` entry, a secret, or not at all. */
export type OnWorkers = 'var' | 'secret' | 'ignored' | 'unavailable';

/** What docs/configuration.md says about a variable beyond its description and default. */
export type VariableNotes = {
  /** What leaving it unset means, for a variable without a plain default. */
  unset?: string;
  /** How it is set on Workers; `var` when not given. */
  workers?: OnWorkers;
  /** Bounds of a whole number. */
  range?: readonly [number, number];
};

// Generic like valibot's own actions, so that it fits any pipe.
export const notes = <TInput>(variableNotes: VariableNotes) =>
  v.metadata<TInput, VariableNotes>(variableNotes);

export const HOUR = 1;
export const DAY = 24 * HOUR;

// Each sentence is completed with the variable's name (`loadConfig` below). None
// quotes the value: it may be a secret.

/** A whole number from `min` to `max`; `fallback` when unset. */
export function wholeNumber(min: number, max: number, fallback: number) {
  const sentence = `must be a whole number from ${min} to ${max}.`;
  const number = v.pipe(
    v.string(),
    v.digits(sentence),
    v.toNumber(sentence),
    v.minValue(min, sentence),
    v.maxValue(max, sentence),
  );
  return v.pipe(v.optional(number, String(fallback)), notes({ range: [min, max] }));
}

/** An absolute URL that passes `accept` once parsed; the text itself is kept. */
function absoluteUrl(accept: (url: URL) => boolean, sentence: string) {
  return v.pipe(
    v.string(),
    v.check((text) => URL.canParse(text) && accept(new URL(text)), sentence),
  );
}

const isHttp = (url: URL) => url.protocol === 'https:' || url.protocol === 'http:';

export const publicOrigin = v.pipe(
  absoluteUrl(isHttp, 'must be an absolute http(s) URL such as https://relay.example.org.'),
  v.transform((text) => new URL(text).origin),
);

// Short secrets would make the operator token guessable or the HMAC key weak.
export const secret = v.pipe(
  v.string(),
  v.minLength(32, 'must be at least 32 characters long (for example: openssl rand -base64 32).'),
);

export const EMERGENCY_KINDS = ['emergency', 'out-of-hours', 'crisis-line'] as const;
const EMERGENCY_SENTENCE = `must be a comma-separated list of NUMBER:KIND, KIND one of ${EMERGENCY_KINDS.join(', ')} (for example "113:emergency,116 117:out-of-hours").`;

/** `113:emergency,116 117:out-of-hours`. */
export const emergencyNumbers = v.pipe(
  v.string(),
  v.transform((text) =>
    text.split(',').map((entry) => {
      const [number = '', kind = ''] = entry.split(':').map((part) => part.trim());
      return { number, kind };
    }),
  ),
  v.array(
    v.object({
      number: v.pipe(v.string(), v.regex(/^\+?[0-9][0-9 ]{1,18}$/, EMERGENCY_SENTENCE)),
      kind: v.picklist(EMERGENCY_KINDS, EMERGENCY_SENTENCE),
    }),
  ),
);

// The URL carries the mail server's password: it is never quoted back.
export const smtpUrl = absoluteUrl(
  (url) => (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '',
  'must be an smtp:// or smtps:// URL such as smtps://user:password@mail.example.org:465.',
);

const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;

/** `noreply@example.org` or `Display Name <noreply@example.org>`. */
function isMailbox(value: string): boolean {
  const named = /^[^<>\r\n]*<([^<>]+)>$/.exec(value);
  return ADDRESS.test(named?.[1] ?? value);
}

export const mailbox = v.pipe(
  v.string(),
  v.check(
    isMailbox,
    'must be an e-mail address, optionally with a name: peer-relay <noreply@relay.example.org>.',
  ),
);

export const webhookUrl = v.pipe(
  absoluteUrl(
    (url) => isHttp(url) && url.username === '' && url.password === '',
    'must be an absolute http(s) URL without a user name or password, such as https://ntfy.sh/relay-alerts.',
  ),
  v.transform((text) => new URL(text).href),
);

export const addressList = v.pipe(
  v.string(),
  v.transform((text) =>
    text
      .split(',')
      .map((address) => address.trim())
      .filter((address) => address !== ''),
  ),
  v.array(
    v.pipe(
      v.string(),
      v.regex(ADDRESS, 'must be one e-mail address or several separated by commas.'),
    ),
  ),
);

/** `true` or `false`; `fallback` when unset. */
export function flag(fallback: boolean) {
  return v.pipe(
    v.optional(v.picklist(['true', 'false'] as const, 'must be true or false.'), () =>
      fallback ? ('true' as const) : ('false' as const),
    ),
    v.transform((text) => text === 'true'),
  );
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Values as the variables see them: trimmed, and blank means unset. */
export const environment = v.pipe(
  v.record(v.string(), v.optional(v.string('must be text.'))),
  v.transform((env) => {
    const set: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(env)) {
      const text = value?.trim();
      if (text) set[name] = text;
    }
    return set;
  }),
);
