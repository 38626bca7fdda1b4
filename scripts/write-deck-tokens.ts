// Writes slides/theme/tokens.css from the deck's design tokens (src/deck/tokens.ts); tests/unit/tokens.test.ts
// fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderTokenCss } from '#src/deck/tokens.ts';

const target = fileURLToPath(new URL('../slides/theme/tokens.css', import.meta.url));
writeFileSync(target, renderTokenCss());
console.log(`wrote ${target}`);
