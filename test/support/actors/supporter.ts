/**
 * @module
 * The supporter actor: joins with an invite, logs in, reads and acknowledges
 * the inbox with their secret key, and replies, as the supporter's web page
 * would. Methods named for a step that must work throw when the relay
 * refuses; `tryReply` and the raw `inbox()`/`ack()` return the answer as it is.
 */
import {
  type ArchiveEntry,
  archiveItemId,
  type DoctorMessage,
  deriveArchiveKey,
  deriveVaultKeys,
  fromB64,
  openArchiveItem,
  openDoctorMessage,
  type SealedReply,
  sealArchiveItem,
  sealReplyTo,
  toB64,
  type VaultRecord,
} from '../../../web/src/protocol/index.ts';
import { type ApiResponse, requireStatus, type Transport } from '../transport.ts';
import {
  type JoinOptions,
  logIn,
  loginProof,
  type Registration,
  register,
  registrationFor,
} from './registration.ts';

/** A message from the inbox, opened. */
export interface ReceivedMessage {
  id: string;
  message: DoctorMessage;
  receivedAt: string;
}

interface InboxEntry {
  id: string;
  ciphertext: string;
  receivedAt: string;
}

/** A sealed reply, the body it was posted with, and the relay's answer. */
export interface SentReply {
  id: string;
  reply: SealedReply;
  body: { mailboxId: string; ciphertext: string };
  response: ApiResponse;
}

/** An archive item as `GET /archive` lists it, opened. */
export interface ArchivedItem {
  id: string;
  entry: ArchiveEntry;
  storedAt: string;
  expiresAt: string;
}

/** What {@link Supporter.archive} stored: the item's id and body, and the relay's answer. */
export interface ArchiveStoreResult {
  id: string;
  body: { id: string; ciphertext: string; expiresInDays?: number };
  response: ApiResponse;
}

export interface SupporterSecrets {
  id: string;
  login: string;
  name: string;
  authKey: string;
  publicKey: Uint8Array;
  secretKey: Uint8Array;
  vault: VaultRecord;
  /** Set when the vault is real (joined with a passphrase). */
  passphrase?: string;
}

export class Supporter implements SupporterSecrets {
  readonly id: string;
  readonly login: string;
  readonly name: string;
  /** Tests that change the passphrase through the API update it here. */
  authKey: string;
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
  readonly vault: VaultRecord;
  readonly passphrase?: string;

  constructor(
    readonly relay: Transport,
    secrets: SupporterSecrets,
    /** This session's bearer token; tests may swap in another session's. */
    public token: string,
  ) {
    this.id = secrets.id;
    this.login = secrets.login;
    this.name = secrets.name;
    this.authKey = secrets.authKey;
    this.publicKey = secrets.publicKey;
    this.secretKey = secrets.secretKey;
    this.vault = secrets.vault;
    if (secrets.passphrase !== undefined) this.passphrase = secrets.passphrase;
  }

  /**
   * Logs in again: a new session, returned as a new actor (this one keeps its
   * token, like a second browser tab). With a real vault the key is derived
   * from the passphrase as the page does (`session/params`, then Argon2id).
   */
  async logIn(): Promise<Supporter> {
    const { passphrase } = this;
    const authKey =
      passphrase === undefined ? this.authKey : await this.#derivedAuthKey(passphrase);
    const pow = await loginProof(this.relay, this.login);
    const session = await logIn(this.relay, this.login, authKey, pow);
    requireStatus(session, 200, `${this.login} logs in`);
    return new Supporter(this.relay, this, session.body.token);
  }

  async #derivedAuthKey(passphrase: string): Promise<string> {
    const params = await this.relay.request('POST', '/api/v1/session/params', {
      body: { login: this.login },
    });
    const { salt, opslimit, memlimit } = requireStatus(params, 200, 'session parameters').body;
    return (await deriveVaultKeys(passphrase, fromB64(salt), opslimit, memlimit)).authKey;
  }

  /** `DELETE /session`: ends this session. */
  logOut(): Promise<ApiResponse> {
    return this.relay.request('DELETE', '/api/v1/session', { token: this.token });
  }

  /** `GET /inbox`, answered as it is. */
  inbox(): Promise<ApiResponse> {
    return this.relay.request('GET', '/api/v1/inbox', { token: this.token });
  }

  /** The ids of the messages waiting in the inbox. */
  async inboxIds(): Promise<string[]> {
    return (await this.#entries()).map((entry) => entry.id);
  }

  /**
   * Every message in the inbox, opened with the secret key; with `acknowledge`
   * they are then acked, as the inbox page does once it has stored them.
   */
  async readInbox(options: { acknowledge?: boolean } = {}): Promise<ReceivedMessage[]> {
    const opened: ReceivedMessage[] = [];
    for (const entry of await this.#entries()) opened.push(await this.#open(entry));
    if (options.acknowledge && opened.length > 0) {
      requireStatus(await this.ack(opened.map((m) => m.id)), 200, `${this.login} acks`);
    }
    return opened;
  }

  /** The inbox message `id`, opened (throws if it is not there). */
  async openMessage(id: string): Promise<DoctorMessage> {
    const entry = (await this.#entries()).find((waiting) => waiting.id === id);
    if (entry === undefined) throw new Error(`message ${id} is not in ${this.login}'s inbox`);
    return (await this.#open(entry)).message;
  }

  async #entries(): Promise<InboxEntry[]> {
    return requireStatus(await this.inbox(), 200, `${this.login} reads the inbox`).body.messages;
  }

  async #open(entry: InboxEntry): Promise<ReceivedMessage> {
    const message = await openDoctorMessage(
      fromB64(entry.ciphertext),
      this.publicKey,
      this.secretKey,
    );
    return { id: entry.id, message, receivedAt: entry.receivedAt };
  }

  /** `POST /inbox/ack`, answered as it is. */
  ack(ids: string[]): Promise<ApiResponse> {
    return this.relay.request('POST', '/api/v1/inbox/ack', { token: this.token, body: { ids } });
  }

  /** Seals a reply to `message` (dated by the relay's clock) without sending it. */
  sealReply(message: DoctorMessage, text: string): Promise<SealedReply> {
    return sealReplyTo(
      message,
      { text, from: { id: this.id, name: this.name }, sentAt: this.relay.clock.now() },
      this.secretKey,
    );
  }

  /** Seals and posts a reply to `message`, whatever the relay answers. */
  async tryReply(message: DoctorMessage, text = 'Thank you for writing.'): Promise<SentReply> {
    const reply = await this.sealReply(message, text);
    const body = { mailboxId: reply.mailboxId, ciphertext: toB64(reply.ciphertext) };
    const response = await this.relay.request('POST', '/api/v1/replies', {
      token: this.token,
      body,
    });
    return { id: reply.id, reply, body, response };
  }

  /** Replies to `message`; the relay must accept it (202). */
  async reply(message: DoctorMessage, text?: string): Promise<SentReply> {
    const sent = await this.tryReply(message, text);
    requireStatus(sent.response, 202, `${this.login} replies`);
    return sent;
  }

  /** `archiveKey` (PROTOCOL.md §10.3), derived from the secret key as the page does. */
  archiveKey(): Promise<Uint8Array> {
    return deriveArchiveKey(this.secretKey);
  }

  /**
   * Seals an opened message or a sent reply as an archive item and stores it
   * (`POST /archive`), whatever the relay answers.
   */
  async archive(
    source: ReceivedMessage | SentReply,
    options: { expiresInDays?: number } = {},
  ): Promise<ArchiveStoreResult> {
    const key = await this.archiveKey();
    const [id, entry]: [string, ArchiveEntry] =
      'message' in source
        ? [
            await archiveItemId(key, { message: source.id }),
            { v: 1, kind: 'received', message: source.message, receivedAt: source.receivedAt },
          ]
        : [
            await archiveItemId(key, { reply: source.id }),
            { v: 1, kind: 'sent', mailboxId: source.reply.mailboxId, reply: source.reply.reply },
          ];
    const body = { id, ciphertext: toB64(await sealArchiveItem(entry, key)), ...options };
    return { id, body, response: await this.storeArchiveItem(body) };
  }

  /** `POST /archive` with any body, answered as it is. */
  storeArchiveItem(body: unknown): Promise<ApiResponse> {
    return this.relay.request('POST', '/api/v1/archive', { token: this.token, body });
  }

  /** `GET /archive` (one page, after `cursor`), answered as it is. */
  archivePage(cursor?: string): Promise<ApiResponse> {
    const query = cursor === undefined ? '' : `?cursor=${encodeURIComponent(cursor)}`;
    return this.relay.request('GET', `/api/v1/archive${query}`, { token: this.token });
  }

  /** Every page of the archive, each item opened with the archive key, in the relay's order. */
  async readArchive(): Promise<ArchivedItem[]> {
    const key = await this.archiveKey();
    const items: ArchivedItem[] = [];
    let cursor: string | undefined;
    do {
      const page = requireStatus(await this.archivePage(cursor), 200, `${this.login} lists`).body;
      for (const item of page.items) {
        const entry = await openArchiveItem(fromB64(item.ciphertext), key);
        items.push({ id: item.id, entry, storedAt: item.storedAt, expiresAt: item.expiresAt });
      }
      cursor = page.next;
    } while (cursor !== undefined);
    return items;
  }

  /** `POST /archive/delete`, answered as it is. */
  deleteArchived(ids: string[]): Promise<ApiResponse> {
    return this.relay.request('POST', '/api/v1/archive/delete', {
      token: this.token,
      body: { ids },
    });
  }

  /** `PATCH /me`: profile fields, e-mail, away status, notifications. */
  update(changes: Record<string, unknown>): Promise<ApiResponse> {
    return this.relay.request('PATCH', '/api/v1/me', { token: this.token, body: changes });
  }

  /** `DELETE /me`: leaves the service. */
  leave(): Promise<ApiResponse> {
    return this.relay.request('DELETE', '/api/v1/me', { token: this.token });
  }
}

/**
 * Invites (as the operator), registers and logs in a supporter with real
 * keys; see {@link JoinOptions} for a chosen login, profile, keys or a real vault.
 */
export async function joinSupporter(
  relay: Transport,
  options: JoinOptions = {},
): Promise<Supporter> {
  const registration = await registrationFor(relay, options);
  const { body } = registration;
  const registered = requireStatus(await register(relay, body), 201, `${body.login} registers`);
  const session = requireStatus(await logIn(relay, body.login, body.authKey), 200, 'log in');
  return registeredSupporter(relay, registration, registered.body.id, session.body.token);
}

/**
 * The actor behind a registration that a test carried out step by step
 * (`registrationFor`, `register`, `logIn`), with its id and session token.
 */
export function registeredSupporter(
  relay: Transport,
  registration: Registration,
  id: string,
  token: string,
): Supporter {
  const { body } = registration;
  const secrets: SupporterSecrets = {
    id,
    login: body.login,
    name: body.profile.name,
    authKey: body.authKey,
    publicKey: registration.publicKey,
    secretKey: registration.secretKey,
    vault: body.vault,
    ...(registration.passphrase === undefined ? {} : { passphrase: registration.passphrase }),
  };
  return new Supporter(relay, secrets, token);
}
