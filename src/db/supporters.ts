/** @module Supporter rows: directory, registration, profile, vault. */
import {
  and,
  eq,
  getTableColumns,
  isNotNull,
  isNull,
  lt,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { deleteArchiveOf } from './archive.ts';
import { countMatching } from './counters.ts';
import { type Database, liveAt, prepared } from './database.ts';
import { invites, messages, notificationState, sessions, supporters } from './schema.ts';

export type SupporterRow = typeof supporters.$inferSelect;
export type NewSupporter = typeof supporters.$inferInsert;

const supporterById = prepared((db) =>
  db
    .select()
    .from(supporters)
    .where(eq(supporters.id, sql.placeholder('id')))
    .prepare(),
);

export async function findSupporter(db: Database, id: string): Promise<SupporterRow | null> {
  return (await supporterById(db).get({ id })) ?? null;
}

export async function findSupporterByLogin(
  db: Database,
  login: string,
): Promise<SupporterRow | null> {
  return (await db.select().from(supporters).where(eq(supporters.login, login)).get()) ?? null;
}

export async function listActiveSupporters(db: Database): Promise<SupporterRow[]> {
  return db
    .select()
    .from(supporters)
    .where(eq(supporters.active, true))
    .orderBy(supporters.name)
    .all();
}

export async function listAllSupporters(db: Database): Promise<SupporterRow[]> {
  return db
    .select()
    .from(supporters)
    .where(eq(supporters.left, false))
    .orderBy(supporters.name)
    .all();
}

/**
 * Creates the supporter and spends the invite in one atomic batch: the row is
 * inserted only while the invite is unused and unexpired, and a failure
 * (a login taken meanwhile) leaves the invite unspent.
 *
 * @returns false when the invite could not be spent.
 */
export async function insertSupporterWithInvite(
  db: Database,
  supporter: NewSupporter,
  inviteTokenHash: string,
  nowHour: number,
): Promise<boolean> {
  const inviteIsOpen = and(
    eq(invites.tokenHash, inviteTokenHash),
    eq(invites.used, false),
    liveAt(invites.expiresHour, nowHour),
  );
  const row: SupporterRow = {
    ...supporter,
    id: supporter.id ?? '',
    login: supporter.login ?? null,
    email: supporter.email ?? null,
    about: supporter.about ?? null,
    status: 'available',
    awayUntilHour: null,
    active: true,
    left: false,
    lastSeenHour: supporter.createdHour,
    notifyEmail: false,
    notifyWebhookUrl: null,
    signedVersion: null,
    signature: null,
    signedBoxPublicKey: null,
    signedName: null,
    keyChangedHour: null,
  };
  // The row as constants selected from the open invite: no invite, no row.
  const constants = Object.fromEntries(
    Object.entries(getTableColumns(supporters)).map(([key, column]) => [
      key,
      sql`${sql.param(row[key as keyof SupporterRow], column)}`.as(column.name),
    ]),
  ) as Record<keyof SupporterRow, SQL.Aliased>;
  const [, spent] = await db.batch([
    db.insert(supporters).select(db.select(constants).from(invites).where(inviteIsOpen)),
    db
      .update(invites)
      .set({ used: true })
      .where(inviteIsOpen)
      .returning({ tokenHash: invites.tokenHash }),
  ]);
  return spent.length === 1;
}

export async function updateSupporter(
  db: Database,
  id: string,
  changes: Partial<NewSupporter>,
): Promise<SupporterRow | null> {
  if (Object.keys(changes).length === 0) return findSupporter(db, id);
  return (
    (await db.update(supporters).set(changes).where(eq(supporters.id, id)).returning().get()) ??
    null
  );
}

/**
 * Stores the operator's signature (PROTOCOL.md §13) as made for the
 * supporter's key and name as they are in this very update, so a change
 * racing with it can only make the signature unpublished, never misattributed.
 * `keyChangedHour` becomes `hour` when that key differs from the previously
 * signed one.
 *
 * @returns the updated row, or null when the version is not above the last
 *   one signed (or the supporter is unknown).
 */
export async function storeDirectorySignature(
  db: Database,
  id: string,
  signed: { version: number; signature: string; hour: number },
): Promise<SupporterRow | null> {
  const keyChanged = and(
    isNotNull(supporters.signedBoxPublicKey),
    ne(supporters.signedBoxPublicKey, supporters.boxPublicKey),
  );
  return (
    (await db
      .update(supporters)
      .set({
        signedVersion: signed.version,
        signature: signed.signature,
        // SQLite evaluates every assignment on the row as it was before the update.
        signedBoxPublicKey: sql`${supporters.boxPublicKey}`,
        signedName: sql`${supporters.name}`,
        keyChangedHour: sql`case when ${keyChanged} then ${signed.hour} else ${supporters.keyChangedHour} end`,
      })
      .where(
        and(
          eq(supporters.id, id),
          or(isNull(supporters.signedVersion), lt(supporters.signedVersion, signed.version)),
        ),
      )
      .returning()
      .get()) ?? null
  );
}

/** A new passphrase: the new vault and auth key, and every other session ended, in one batch. */
export async function replaceVault(
  db: Database,
  id: string,
  vault: Pick<
    NewSupporter,
    'vaultSalt' | 'vaultOpslimit' | 'vaultMemlimit' | 'vaultCiphertext' | 'authKeyHash'
  >,
  keptSessionHash: string,
): Promise<void> {
  await db.batch([
    db.update(supporters).set(vault).where(eq(supporters.id, id)),
    deleteSessionsOf(db, id, keptSessionHash),
  ]);
}

/**
 * A supporter leaves, in one batch: login, e-mail, vault, sessions,
 * notification state and archive are erased, and their queued messages
 * expire (no one can read them any more; counted as expired). The row and
 * its public key stay, so that replies already sent can still be verified
 * by their doctors.
 *
 * @returns how many queued messages expired and archive items went.
 */
export async function eraseSupporter(
  db: Database,
  id: string,
  day: string,
): Promise<{ expired: number; archived: number }> {
  const queued = and(eq(messages.supporterId, id), eq(messages.status, 'queued')) as SQL;
  const [, , , , expired, archived] = await db.batch([
    db
      .update(supporters)
      .set({
        login: null,
        email: null,
        active: false,
        left: true,
        about: null,
        vaultSalt: '',
        vaultCiphertext: '',
        authKeyHash: '',
        notifyEmail: false,
        notifyWebhookUrl: null,
      })
      .where(eq(supporters.id, id)),
    deleteSessionsOf(db, id),
    db.delete(notificationState).where(eq(notificationState.supporterId, id)),
    countMatching(db, { day, event: 'expired' }, messages, queued),
    db
      .update(messages)
      .set({ status: 'expired', ciphertext: null })
      .where(queued)
      .returning({ id: messages.id }),
    deleteArchiveOf(db, id),
  ]);
  return { expired: expired.length, archived: archived.length };
}

/**
 * Marks the supporter seen this hour (the operator's "last seen"). Usually
 * they were already seen this hour, and nothing needs writing.
 */
export async function touchSupporter(
  db: Database,
  supporter: Pick<SupporterRow, 'id' | 'lastSeenHour'>,
  hour: number,
): Promise<void> {
  if ((supporter.lastSeenHour ?? 0) >= hour) return;
  await touch(db).run({ id: supporter.id, hour });
}

const touch = prepared((db) =>
  db
    .update(supporters)
    .set({ lastSeenHour: sql`${sql.placeholder('hour')}` })
    .where(
      and(
        eq(supporters.id, sql.placeholder('id')),
        sql`coalesce(${supporters.lastSeenHour}, 0) < ${sql.placeholder('hour')}`,
      ),
    )
    .prepare(),
);

/** Ends every session of a supporter (deactivation, passphrase change, leaving). */
export function deleteSessionsOf(db: Database, supporterId: string, exceptTokenHash?: string) {
  return db
    .delete(sessions)
    .where(
      exceptTokenHash === undefined
        ? eq(sessions.supporterId, supporterId)
        : and(
            eq(sessions.supporterId, supporterId),
            sql`${sessions.tokenHash} <> ${exceptTokenHash}`,
          ),
    );
}
