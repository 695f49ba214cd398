/**
 * @module
 * Capabilities and abuse guards: sessions, invites, spent proof-of-work
 * challenges and login-failure counts. Tokens appear here only as hashes.
 */
import { and, eq, lt, lte, sql } from 'drizzle-orm';
import type { Database } from './database.ts';
import { prepared } from './database.ts';
import { invites, loginFailures, sessions, spentChallenges, supporters } from './schema.ts';

export async function insertSession(
  db: Database,
  session: typeof sessions.$inferInsert,
): Promise<void> {
  await db.insert(sessions).values(session);
}

/** The live session's supporter, if the token hash is known, unexpired and the supporter active. */
export async function findSessionSupporter(db: Database, tokenHash: string, nowHour: number) {
  return (await sessionSupporter(db).get({ tokenHash, nowHour })) ?? null;
}

const sessionSupporter = prepared((db) =>
  db
    .select({ supporter: supporters, expiresHour: sessions.expiresHour })
    .from(sessions)
    .innerJoin(supporters, eq(supporters.id, sessions.supporterId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        sql`${sessions.expiresHour} > ${sql.placeholder('nowHour')}`,
        eq(supporters.active, true),
      ),
    )
    .prepare(),
);

export async function deleteSession(db: Database, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function insertInvite(
  db: Database,
  invite: typeof invites.$inferInsert,
): Promise<void> {
  await db.insert(invites).values(invite);
}

export async function findInvite(db: Database, tokenHash: string) {
  return (await db.select().from(invites).where(eq(invites.tokenHash, tokenHash)).get()) ?? null;
}

/**
 * Records a challenge as spent on the submission `spentOn`.
 *
 * @returns null if it is spent now, else the submission it was spent on before.
 */
export async function spendChallenge(
  db: Database,
  challengeHash: string,
  spentOn: string,
  expiresHour: number,
): Promise<string | null> {
  const rows = await db
    .insert(spentChallenges)
    .values({ challengeHash, spentOn, expiresHour })
    .onConflictDoNothing()
    .returning({ challengeHash: spentChallenges.challengeHash });
  if (rows.length === 1) return null;
  const earlier = await db
    .select({ spentOn: spentChallenges.spentOn })
    .from(spentChallenges)
    .where(eq(spentChallenges.challengeHash, challengeHash))
    .get();
  return earlier?.spentOn ?? '';
}

export async function loginFailureCount(
  db: Database,
  loginKey: string,
  hour: number,
): Promise<number> {
  const row = await db
    .select({ count: loginFailures.count })
    .from(loginFailures)
    .where(and(eq(loginFailures.loginKey, loginKey), eq(loginFailures.hour, hour)))
    .get();
  return row?.count ?? 0;
}

export async function recordLoginFailure(
  db: Database,
  loginKey: string,
  hour: number,
): Promise<void> {
  await db
    .insert(loginFailures)
    .values({ loginKey, hour, count: 1 })
    .onConflictDoUpdate({
      target: [loginFailures.loginKey, loginFailures.hour],
      set: { count: sql`${loginFailures.count} + 1` },
    });
}

export async function clearLoginFailures(db: Database, loginKey: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.loginKey, loginKey));
}

/**
 * Drops every expired capability and guard row; each statement is idempotent.
 * Invites go only once `invitesForgottenBy` has passed their expiry.
 */
export async function deleteExpiredAccess(
  db: Database,
  nowHour: number,
  invitesForgottenBy: number,
): Promise<void> {
  await db.batch([
    db.delete(sessions).where(lte(sessions.expiresHour, nowHour)),
    db.delete(invites).where(lte(invites.expiresHour, invitesForgottenBy)),
    db.delete(spentChallenges).where(lte(spentChallenges.expiresHour, nowHour)),
    db.delete(loginFailures).where(lt(loginFailures.hour, nowHour)),
  ]);
}
