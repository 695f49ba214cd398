/**
 * @module
 * How far the Node relay's V8 heap grows between full collections.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * Lets V8's old generation grow to twice what survived the last full
 * collection before the next one, instead of up to four times.
 *
 * The relay keeps about 20 MB live, but under a burst requests wait long
 * enough to be promoted and then die there: with V8's own factor, 200
 * concurrent submissions took the process to 140–180 MB of RSS, with this
 * to about 130 MB (bench/, `--trace-gc`). It is set at run time, once the
 * modules are loaded, because any V8 flag on the command line makes V8
 * reject Node's built-in code cache (`NODE_DEBUG_NATIVE=CODE_CACHE` shows
 * it), which cost 40 ms of cold start.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=100');
}
