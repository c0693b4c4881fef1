/** How often running work stores its progress: often enough for a progress bar, rarely enough to cost nothing. */
export const PROGRESS_WRITE_MS = 1_000;

/** Keeps the newest progress and stores it at most every PROGRESS_WRITE_MS, one write at a time. */
export class ProgressWriter<T extends object> {
  private latest: Partial<T> = {};
  private lastWrite = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly save: (progress: Partial<T>) => Promise<void>) {}

  /** `final` stores it now (the last figures must not be dropped by the throttle). */
  report(progress: Partial<T>, final = false) {
    this.latest = { ...this.latest, ...progress };
    const now = Date.now();
    if (!final && now - this.lastWrite < PROGRESS_WRITE_MS) return;
    this.lastWrite = now;
    const snapshot = this.latest;
    this.writing = this.writing.then(() => this.save(snapshot)).catch((err: unknown) => console.error('backups: progress not saved', err));
  }

  async flush() {
    await this.writing;
  }
}
