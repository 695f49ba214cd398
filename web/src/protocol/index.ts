/**
 * @module
 * The peer-relay wire protocol (PROTOCOL.md) for browsers and tests: reply
 * codes and mailboxes for doctors, sealed messages and replies, supporter
 * fingerprints and vaults, proof of work, and operator-signed directory
 * entries. Functions that need libsodium are async; they load it on first
 * use.
 */

export type { BoxKeyPair } from '../crypto/libsodium';
/** Starts downloading (and verifying) libsodium, so it is ready when first needed. */
export { loadSodium as prepareEncryption } from '../crypto/libsodium';
export type { ArchiveEntry } from './archive';
export {
  ARCHIVE_ITEM_OVERHEAD,
  archiveItemId,
  deriveArchiveKey,
  openArchiveItem,
  openOwnCopy,
  sealArchiveItem,
  sealOwnCopy,
} from './archive';
export type { DirectoryEntry, SignedFields } from './directory-entry';
export {
  directoryStatement,
  parseOperatorPublicKey,
  signEntry,
  verifyEntry,
} from './directory-entry';
export { fromB64, fromUtf8, toB64, toUtf8 } from './encoding';
export type {
  ContactPrefs,
  DoctorDraft,
  DoctorMessage,
  FirstContact,
  FollowUp,
  Modality,
  Reply,
  ReplyDraft,
  ReplyTo,
  SealedDoctorMessage,
  SealedReply,
} from './envelope';
export {
  DOCTOR_MESSAGE_OVERHEAD,
  isDoctorMessageLength,
  isReplyLength,
  MAX_TEXT_CHARS,
  messageId,
  minuteTimestamp,
  newThreadId,
  openDoctorMessage,
  openReply,
  REPLY_OVERHEAD,
  sealDoctorMessage,
  sealFirstContact,
  sealFollowUp,
  sealReply,
  sealReplyTo,
} from './envelope';
export { fingerprint } from './fingerprint';
export type { MailboxKeys } from './mailbox';
export { deriveMailbox } from './mailbox';
export { MAX_PAD_BLOCKS, PAD_BLOCK_BYTES, padMessage, unpadMessage } from './padding';
export type { ProofOfWorkOptions, ProofOfWorkProgress } from './pow';
export { leadingZeroBits, solveProofOfWork } from './pow';
export type { ProtocolErrorCode } from './protocol-error';
export { ProtocolError } from './protocol-error';
export {
  formatReplyCode,
  newReplyCode,
  parseReplyCode,
  REPLY_CODE_BYTES,
} from './reply-code';
export type { CreatedVault, OpenedVault, VaultKeys, VaultRecord } from './vault';
export {
  checkArgon2,
  createVault,
  DEFAULT_MEMLIMIT,
  DEFAULT_OPSLIMIT,
  deriveVaultKeys,
  newSupporterKeys,
  openVault,
  unlockVault,
} from './vault';
