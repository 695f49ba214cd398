/**
 * @module
 * Which characters profile text (names, towns, about, any profile field) may
 * not hold: code points that show nothing yet change what a reader sees or
 * what two equal-looking names compare as. The relay refuses them with
 * `400 invisible_characters` (docs/protocol.md, "Invisible characters in
 * profile text"); the pages can use the same rule before sending. No
 * imports: the browser bundles this file as it is.
 *
 * Refused:
 * - every format character (`\p{Cf}`): zero-width space, joiners and
 *   non-joiners (U+200B–U+200D, so emoji ZWJ sequences too), the
 *   direction marks, embeddings, overrides and isolates (U+200E, U+200F,
 *   U+202A–U+202E, U+2066–U+2069), the invisible operators (U+2060–U+2064),
 *   the byte-order mark U+FEFF, soft hyphen, tag characters;
 * - line and paragraph separators (U+2028, U+2029), which break a line
 *   where `about` already allows a plain line break;
 * - blank letters and fillers that render as nothing: U+034F, U+115F,
 *   U+1160, U+17B4, U+17B5, U+2800, U+3164, U+FFA0;
 * - the supplementary variation selectors U+E0100–U+E01EF, which no
 *   Norwegian or emoji text needs and which can smuggle hidden bytes.
 *
 * Allowed: the variation selectors U+FE00–U+FE0F, which pick an emoji's or
 * a symbol's presentation (❤️ is U+2764 U+FE0F).
 */

// U+034F (a combining mark) and the selectors as an alternation: a class holding a
// combining character reads as if it matched a combined pair.
const INVISIBLE =
  /[\p{Cf}\p{Zl}\p{Zp}\u115F\u1160\u17B4\u17B5\u2800\u3164\uFFA0]|\u034F|[\u{E0100}-\u{E01EF}]/u;

/** Whether `text` holds a character that profile text may not (see the module comment). */
export function hasInvisibleCharacters(text: string): boolean {
  return INVISIBLE.test(text);
}
