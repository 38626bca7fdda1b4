/** An import failure that names the line of the source it concerns, where there is one. */
export class ImportError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'ImportError';
    this.line = line;
  }
}

/** A PDF with no text layer: a scan, which only OCR (--ocr) reads. */
export class ScannedPdfError extends ImportError {
  constructor(name: string) {
    super(
      `这是扫描件 ${name} is a scanned PDF (pictures of pages, no text layer): pass --ocr to read it with OCR (Tesseract, Simplified Chinese), then check the text`,
    );
    this.name = 'ScannedPdfError';
  }
}
