/** Builds the web client once before the tests, as `npm start` does. */
import { buildWeb } from '../scripts/build-web.ts';

export default async function setup(): Promise<void> {
  await buildWeb();
}
