/**
 * A growing buffer of UTF-8 bytes, for writing a large part (a result sheet of 100,000
 * rows) straight as bytes: no string per cell or per row to build, join and encode, and
 * so far less garbage to collect. ASCII (markup, cell references, numbers) is copied
 * byte by byte; other text goes through TextEncoder.encodeInto.
 */

const encoder = new TextEncoder();

/** UTF-8 bytes written one piece after another. */
export class ByteSink {
  private buffer: Uint8Array;
  private length = 0;

  constructor(capacity = 1 << 16) {
    this.buffer = new Uint8Array(capacity);
  }

  /** Room for `more` bytes past what is written. */
  private reserve(more: number): void {
    const needed = this.length + more;
    if (needed <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < needed) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  /** Writes text known to be ASCII (markup, digits, cell references), a byte a character. */
  ascii(text: string): void {
    this.reserve(text.length);
    const { buffer } = this;
    let at = this.length;
    for (let i = 0; i < text.length; i++) buffer[at++] = text.charCodeAt(i);
    this.length = at;
  }

  /** Writes any text as UTF-8. */
  text(text: string): void {
    this.reserve(text.length * 3); // the most UTF-8 bytes a UTF-16 unit needs
    const { written } = encoder.encodeInto(text, this.buffer.subarray(this.length));
    this.length += written;
  }

  /** Writes bytes as they are. */
  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  /** Everything written, as an array of its own (the spare room is not kept). */
  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}
