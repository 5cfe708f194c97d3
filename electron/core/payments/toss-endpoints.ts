/** Which Toss the app talks to right now, with which keys: the real one (live) or the training simulator. */
export interface TossEndpoint {
  mode: 'training' | 'live';
  clientKey: string;
  secretKey: string;
  apiBase: string;
  sdkSrc: string;
}

/**
 * The key provider: the Toss client, the page's CSP and the logger's scrubber all ask here on
 * every use, so a key saved (or a mode switched) while the app runs takes effect at once.
 * Every secret ever used in this run stays on the scrub list.
 */
export class TossEndpoints {
  private endpoint: TossEndpoint;
  private readonly secrets: string[] = [];

  constructor(initial: TossEndpoint) {
    this.endpoint = initial;
    this.secrets.push(initial.secretKey);
  }

  current(): TossEndpoint {
    return this.endpoint;
  }

  set(next: TossEndpoint): void {
    this.endpoint = next;
    this.remember(next.secretKey);
  }

  /** A secret the app holds without using it yet (one being checked, say): scrubbed from now on. */
  remember(secret: string): void {
    if (!this.secrets.includes(secret)) this.secrets.push(secret);
  }

  /** Every secret to scrub from logs. */
  knownSecrets(): readonly string[] {
    return this.secrets;
  }
}
