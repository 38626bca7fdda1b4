// The browser and static servers most browser tests need: the real content built at the root and under the sub-path.
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { launchChromium } from './browser.ts';

/** A running static server. */
export type Server = Awaited<ReturnType<typeof startStaticServer>>;

/** Chromium plus servers for the root build and the sub-path build (from tests/global-setup.ts); close() stops all. */
export async function openSite(): Promise<{ browser: Browser; root: Server; sub: Server; close: () => Promise<void> }> {
  const browser = await launchChromium();
  const root = await startStaticServer({ root: inject('distRoot') });
  const sub = await startStaticServer({ root: inject('distSub'), base: inject('subPath') });
  return {
    browser,
    root,
    sub,
    close: async () => {
      await browser.close();
      await root.close();
      await sub.close();
    },
  };
}

/** Chromium plus one static server over a built site (e.g. the fixture site); close() stops both. */
export async function openServedSite(root: string, base = '/'): Promise<{ browser: Browser; server: Server; close: () => Promise<void> }> {
  const browser = await launchChromium();
  const server = await startStaticServer({ root, base });
  return {
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
