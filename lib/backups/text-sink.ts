import type { Writable } from 'node:stream';

/** Writes text to a stream, waiting when it asks us to (so a slow disk holds the reader back, not memory). */
export class TextSink {
  bytes = 0;
  private failure: Error | null = null;

  constructor(private readonly stream: Writable) {
    stream.on('error', (err: Error) => {
      this.failure = err;
    });
    stream.on('close', () => {
      this.failure ??= new Error('the backup stream closed before the backup was complete');
    });
  }

  async write(text: string): Promise<void> {
    await this.writeBytes(Buffer.from(text, 'utf8'));
  }

  /** A promise only when the stream asks us to wait (or has failed): a caller writing many chunks pauses only then. */
  writeBytes(chunk: Buffer): Promise<void> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    this.bytes += chunk.length;
    if (this.stream.write(chunk)) return undefined;
    return this.drained().then(() => {
      if (this.failure) throw this.failure;
    });
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('close', done);
    });
  }

  async end(): Promise<void> {
    if (this.failure) throw this.failure;
    this.stream.end();
  }
}
