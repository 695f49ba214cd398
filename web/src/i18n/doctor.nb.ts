/** @module Norsk bokmål strings of the doctor pages: every key of `doctor.en.ts`. */
import type { doctorEn } from './doctor.en';

export const doctorNb: Record<keyof typeof doctorEn, string> = {};
