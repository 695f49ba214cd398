/** @module English strings of the doctor pages (keys prefixed by page name). */
export const doctorEn = {} as const;
