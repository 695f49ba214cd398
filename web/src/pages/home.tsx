/**
 * @module
 * The home page's entry. It asks for the directory first, and imports
 * nothing but that request, so the request leaves as soon as this small
 * script has arrived, not after all of the page's code has arrived and run
 * (the relay's settings follow when the page mounts). Then it runs the page,
 * ./home-page.tsx, whose scripts the HTML preloads beside this one.
 */
import { loadDirectory } from '../doctor/directory-request';

// A failure is shown by the directory, which asks again.
loadDirectory().catch(() => {});
void import('./home-page');
