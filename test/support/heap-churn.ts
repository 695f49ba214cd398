/**
 * A child process for test/process/heap.test.ts: keeps a live set, then lets
 * "requests" live long enough to be promoted before they die, as a burst of
 * waiting submissions does, and prints the peak of the used heap in MB.
 * With `--limited` it first calls the relay's limitHeapGrowth().
 */
import { getHeapStatistics } from 'node:v8';
import { limitHeapGrowth } from '../../src/heap.ts';

if (process.argv.includes('--limited')) limitHeapGrowth();

const live = Array.from({ length: 30 }, () => Array.from({ length: 10_000 }, (_, i) => ({ i })));
const inFlight: { i: number; s: string }[][] = [];
let peak = 0;
for (let tick = 0; tick < 40_000; tick++) {
  inFlight.push(Array.from({ length: 100 }, (_, i) => ({ i, s: `request ${i}` })));
  if (inFlight.length > 2_500) inFlight.shift();
  if (tick % 50 === 0) peak = Math.max(peak, getHeapStatistics().used_heap_size);
}
process.stdout.write(JSON.stringify({ peakMb: peak / 2 ** 20, live: live.length }));
