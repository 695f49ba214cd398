/**
 * @module
 * The one set of test actors: a doctor, a supporter and the operator, who
 * speak the real protocol (web/src/protocol, libsodium) to a relay through a
 * {@link Transport}: the in-process app of the unit and API tests (a
 * `Harness` is one), or a live URL (`overHttp`) for the protocol suite on
 * Node and workerd, the process tests, the browser tests' seeding and the bench.
 *
 * @example
 * const supporter = await joinSupporter(harness);
 * const doctor = await newDoctor(harness);
 * const { message } = await doctor.writeTo(supporter, 'Can we talk?');
 * await supporter.reply((await supporter.readInbox())[0]!.message, 'Yes.');
 * const [reply] = await doctor.readReplies(supporter);
 */
export {
  Doctor,
  newDoctor,
  type ProofOfWork,
  type Recipient,
  type Submission,
  type SubmissionBody,
  solvedProof,
  submit,
  type WriteOptions,
} from './actors/doctor.ts';
export { admin, createInvite, health, setActive, signDirectoryEntry } from './actors/operator.ts';
export {
  type JoinOptions,
  type LoginProof,
  logIn,
  loginProof,
  type Profile,
  placeholderVault,
  type Registration,
  type RegistrationBody,
  register,
  registrationFor,
  sampleProfile,
} from './actors/registration.ts';
export {
  type ArchivedItem,
  type ArchiveStoreResult,
  joinSupporter,
  type ReceivedMessage,
  registeredSupporter,
  type SentReply,
  Supporter,
} from './actors/supporter.ts';
export {
  type ApiResponse,
  overHttp,
  type RequestOptions,
  recording,
  requireStatus,
  type Transport,
} from './transport.ts';
