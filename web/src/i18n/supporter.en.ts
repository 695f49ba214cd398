/** @module English strings of the supporter pages (keys prefixed by page name). */
export const supporterEn = {} as const;
