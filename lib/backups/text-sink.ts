import { once } from 'node:events';
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
    if (this.failure) throw this.failure;
    const chunk = Buffer.from(text, 'utf8');
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await Promise.race([once(this.stream, 'drain'), once(this.stream, 'close')]);
    if (this.failure) throw this.failure;
  }

  async end(): Promise<void> {
    if (this.failure) throw this.failure;
    this.stream.end();
  }
}
