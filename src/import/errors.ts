/** An import failure that names the line of the source it concerns, where there is one. */
export class ImportError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'ImportError';
    this.line = line;
  }
}
