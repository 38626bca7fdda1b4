// How file downloads are described to the reader.

/** A size as people read it: bytes below 1 KB, else KB or MB with one decimal (1 KB = 1024 bytes). */
export function formatFileSize(bytes: number): string {
  if (!Number.isInteger(bytes) || bytes < 0) throw new Error(`formatFileSize: not a byte count: ${bytes}`);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
