/**
 * @module
 * How full each supporter's inbox is, for pricing a submission's proof of
 * work (src/domain/submission-price.ts): queued messages within their
 * deadline, and messages received this hour. Both come from the message rows
 * the relay keeps anyway; nothing new is recorded.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from './database.ts';
import { liveAt, prepared } from './database.ts';
import { messages, supporters } from './schema.ts';

export interface RecipientLoad {
  /** Queued messages within their deadline. */
  pending: number;
  /** Messages received in the current hour. */
  receivedThisHour: number;
}

const hour = sql.placeholder('hour');

const recipientLoadQuery = prepared((db) => {
  const supporterId = sql.placeholder('supporterId');
  return db
    .select({
      pending: sql<number>`(select count(*) from ${messages} where ${messages.supporterId} = ${supporterId}
        and ${messages.status} = 'queued' and ${liveAt(messages.expiresHour, hour)})`,
      receivedThisHour: sql<number>`(select count(*) from ${messages}
        where ${messages.receivedHour} = ${hour} and ${messages.supporterId} = ${supporterId})`,
    })
    .from(supporters)
    .where(eq(supporters.id, supporterId))
    .prepare();
});

/** One supporter's load, or null when no supporter has this id. */
export async function recipientLoad(
  db: Database,
  supporterId: string,
  atHour: number,
): Promise<RecipientLoad | null> {
  return (await recipientLoadQuery(db).get({ supporterId, hour: atHour })) ?? null;
}

const activeSupporter = sql`${messages.supporterId} in (select ${supporters.id} from ${supporters}
  where ${supporters.active} = 1)`;

const fullestLoadQuery = prepared((db) =>
  db
    .select({
      pending: sql<number>`coalesce((select max(n) from (select count(*) as n from ${messages}
        where ${messages.status} = 'queued' and ${liveAt(messages.expiresHour, hour)}
        and ${activeSupporter} group by ${messages.supporterId})), 0)`,
      receivedThisHour: sql<number>`coalesce((select max(n) from (select count(*) as n from ${messages}
        where ${messages.receivedHour} = ${hour} and ${activeSupporter}
        group by ${messages.supporterId})), 0)`,
    })
    .from(sql`(select 1)`)
    .prepare(),
);

/**
 * The most any active supporter holds, each figure on its own: a price for
 * it suits every recipient (`GET /pow`, which names none).
 */
export async function fullestRecipientLoad(db: Database, atHour: number): Promise<RecipientLoad> {
  return (await fullestLoadQuery(db).get({ hour: atHour })) ?? { pending: 0, receivedThisHour: 0 };
}
