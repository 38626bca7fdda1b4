// The one place that knows how to start Chromium here: Debian's binary (CHROMIUM_PATH overrides), never a
// downloaded one, with the flags that keep a headless run from reaching any network.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Flags for every launch: headless, no sandbox (CI runs as root), no background traffic. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium binary to drive; throws a message saying how to install it when it is missing. */
export function getChromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(candidate)) throw new Error(`Chromium not found at ${candidate}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  return candidate;
}

/** Launches headless Chromium through playwright-core. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: getChromiumPath(), args: chromiumArgs, headless: true });
}
