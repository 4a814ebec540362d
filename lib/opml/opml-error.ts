/** Why an OPML file was refused as a whole. */
export type OpmlErrorCode = 'not-opml' | 'malformed' | 'too-large';

/** Thrown by `parseOpml` when nothing can be imported; `message` is written for the user. */
export class OpmlError extends Error {
  override readonly name = 'OpmlError';
  readonly code: OpmlErrorCode;
  /** 1-based line of the damage, when the XML reader could tell. */
  readonly line?: number;
  /** Technical detail for logs and bug reports; not meant for the user. */
  readonly detail?: string;

  constructor(code: OpmlErrorCode, message: string, extra?: { line?: number; detail?: string }) {
    super(message);
    this.code = code;
    if (extra?.line !== undefined) this.line = extra.line;
    if (extra?.detail !== undefined) this.detail = extra.detail;
  }
}
