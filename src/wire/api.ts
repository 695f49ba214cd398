/**
 * @module
 * The relay's HTTP API as both sides see it (PROTOCOL.md §6, §12): the
 * server builds these shapes and the pages read them, so the two cannot
 * drift apart. Types and constants only: no imports from server code, no
 * Node APIs, nothing that would weigh on a page's bundle.
 */

/** The protocol's limit on a message's text, in Unicode code points (PROTOCOL.md §3). */
export const MAX_TEXT_CHARS = 8000;

/** Request bodies over this many bytes are refused with `413` (PROTOCOL.md §6). */
export const MAX_BODY_BYTES = 64 * 1024;

export const MODALITIES = ['in-person', 'phone', 'video'] as const;
export type Modality = (typeof MODALITIES)[number];

export type SupporterStatus = 'available' | 'away';

/** Every error body: `{"error": {"code", "message"}}`. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/** A directory entry (PROTOCOL.md §6 `Supporter`). */
export interface Supporter {
  id: string;
  name: string;
  /** A county code from `GET /api/v1/vocabulary` (or a kept `other: …` value). */
  county: string;
  town: string;
  specialties: string[];
  languages: string[];
  modalities: Modality[];
  about?: string;
  status: SupporterStatus;
  /** ISO hour; present while away with a return date. */
  awayUntil?: string;
  boxPublicKey: string;
  fingerprint: string;
  /**
   * The operator's signature of this entry (PROTOCOL.md §13), present only
   * while the entry's name and key are the ones signed; a client with the
   * operator's key verifies it (web/src/protocol/directory-entry.ts).
   */
  version?: number;
  /** `b64` of the 64-byte Ed25519 signature; present with `version`. */
  signature?: string;
  /**
   * ISO hour a signature for a new key was accepted; present for
   * {@link KEY_CHANGE_NOTICE_DAYS} days after (docs/protocol.md §13).
   */
  keyChangedAt?: string;
}

/** How long the directory shows that a supporter's signed key changed. */
export const KEY_CHANGE_NOTICE_DAYS = 30;

/** `GET /api/v1/site`: what the pages need to know about this relay. */
export interface SiteInfo {
  emergencyNumbers: { number: string; kind: 'emergency' | 'out-of-hours' | 'crisis-line' }[];
  powDifficulty: number;
  maxTextChars: number;
}

/** `POST /api/v1/mailbox/open`. */
export interface MailboxView {
  expiresAt: string;
  replies: {
    id: string;
    supporterId: string;
    ciphertext: string;
    /** The relay's hour, not the sender's minute (that is inside the ciphertext). */
    sentAt: string;
    expiresAt: string;
    boxPublicKey?: string;
  }[];
  sent: {
    id: string;
    supporterId: string;
    status: 'queued' | 'delivered' | 'expired';
    expiresAt: string;
    receivedAt: string;
    /** The doctor's own copy, sealed to their reply key (PROTOCOL.md §10.1); absent when none. */
    copy?: string;
  }[];
}
