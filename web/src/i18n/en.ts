/**
 * @module
 * English catalogue: the source of every key. Keys are grouped by page
 * (`layout.`, `home.`, `write.`, `mailbox.`, `join.`, `supporter.`, `operator.`,
 * `error.`).
 */
import { doctorEn } from './doctor.en';
import { layoutEn } from './layout.en';
import { operatorEn } from './operator.en';
import { supporterEn } from './supporter.en';

export { layoutEn };

/**
 * Every message: the type of the keys, and the whole catalogue for pages
 * that want all of it. A page loads only its own role's messages
 * (`./doctor`, `./supporter`, `./operator`); marked pure, so a page that
 * does not use this object does not carry it.
 */
export const en: typeof layoutEn & typeof doctorEn & typeof supporterEn & typeof operatorEn =
  /* @__PURE__ */ Object.assign({}, layoutEn, doctorEn, supporterEn, operatorEn);

export type MessageKey = keyof typeof en;
