/** @module Norsk bokmål: every key of the English catalogue, checked by the type. */
import { doctorNb } from './doctor.nb';
import type { MessageKey } from './en';
import { layoutNb } from './layout.nb';
import { operatorNb } from './operator.nb';
import { supporterNb } from './supporter.nb';

export { layoutNb };

/** Every message in bokmål (see `en` in ./en.ts); each part above is checked for every key of its own. */
export const nb: Record<MessageKey, string> = /* @__PURE__ */ Object.assign(
  {},
  layoutNb,
  doctorNb,
  supporterNb,
  operatorNb,
);
