/** @module Norsk bokmål strings of the supporter pages: every key of `supporter.en.ts`. */
import type { supporterEn } from './supporter.en';

export const supporterNb: Record<keyof typeof supporterEn, string> = {};
