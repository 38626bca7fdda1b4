// The one way the kit replaces a file that others read (exports, the font cache): nobody sees half a file.
import { renameSync, writeFileSync } from 'node:fs';

/**
 * Writes `data` beside `file` under a name of this process and renames it into place: a rename within a folder is
 * atomic, so a reader, a concurrent build or a failed run never finds a half-written file where a good one was.
 */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}
