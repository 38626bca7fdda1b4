// Tests start Chromium exactly as the scripts do.
export { chromiumArgs, getChromiumPath, launchChromium } from '../../scripts/lib/chromium.ts';
