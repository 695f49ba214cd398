/**
 * @module
 * The relay's public settings (`GET /api/v1/site`), fetched once per page
 * and held in a signal: `null` until they arrive or if they cannot.
 */
import { signal } from '@preact/signals';
import type { SiteInfo } from '../../../src/wire/api.ts';
import { api } from '../api';

export const site = signal<SiteInfo | null>(null);
let asked: Promise<SiteInfo | null> | undefined;

/** Fetches the settings once; later calls share the first answer. */
export function loadSite(): Promise<SiteInfo | null> {
  asked ??= api<SiteInfo>('GET', '/api/v1/site').then(
    (info) => {
      site.value = info;
      return info;
    },
    () => null,
  );
  return asked;
}
