/**
 * Runs a pass of some work one at a time, for the outboxes that send what waits: a kick while a
 * pass is under way runs one more pass after it (however many kicks came meanwhile, since that one
 * pass sees all they asked for), and `later` kicks after a wait. Once stopped, nothing more runs.
 */
export class SerialPasses {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private isStopped = false;

  constructor(private readonly pass: () => Promise<void>) {}

  get stopped(): boolean {
    return this.isStopped;
  }

  /** A pass now, or once more right after the one under way; a pass due later is then not needed. */
  kick(): void {
    if (this.isStopped) return;
    if (this.running !== null) {
      this.again = true;
      return;
    }
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.pass().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** A pass after `delayMs`, in place of any due before. */
  later(delayMs: number): void {
    if (this.isStopped) return;
    if (this.timer !== null) clearTimeout(this.timer);
    // Never what keeps the process alive: quitting stops the passes anyway.
    this.timer = setTimeout(() => this.kick(), delayMs).unref();
  }

  /** Resolves once no pass is under way (nor one asked for meanwhile). */
  async idle(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  /** Runs a pass now (or right after the one under way), resolving once passes are over. */
  async flush(): Promise<void> {
    this.kick();
    await this.idle();
  }

  /** No more passes; resolves once the one under way is over. */
  async stop(): Promise<void> {
    this.isStopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await this.idle();
  }
}
