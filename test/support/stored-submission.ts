/**
 * A submission as the storage layer takes it (`storeSubmission`), for the
 * tests of src/db on libSQL (test/db/) and on D1 (test/workers/): one
 * message of `supporter-1` from its own mailbox, received at {@link HOUR}.
 */
export const HOUR = 1_800_000_000 - (1_800_000_000 % 3600);

export function storedSubmission(
  id: string,
  options: { day?: string; lifetimeHours?: number; firstContact?: boolean } = {},
) {
  return {
    message: {
      id,
      supporterId: 'supporter-1',
      mailboxId: `mailbox-${id}`,
      ciphertext: new Uint8Array([1, 2, 3]),
      status: 'queued' as const,
      receivedHour: HOUR,
      expiresHour: HOUR + (options.lifetimeHours ?? 10) * 3600,
    },
    mailbox: { id: `mailbox-${id}`, readTokenHash: 'hash', expiresHour: HOUR + 20 * 3600 },
    day: options.day ?? '2027-01-15',
    firstContact: options.firstContact ?? true,
    mailboxIdHash: `hash-of-mailbox-${id}`,
  };
}
