import type { Cashier, Role, TillSignIn } from '../../../../shared/domain/staff';
import { seoulIso } from '../../../../shared/domain/time';
import type { JsonDocument } from '../../platform/disk/json-document';
import type { TillFile } from './till-file';

/** A member of staff who may be at the till now (active, and the training manager only in training). */
export interface TillPerson {
  id: string;
  name: string;
  role: Role;
  trainingOnly: boolean;
}

/**
 * The till session: who is at the register. Held in main (the renderer only shows it) and kept on
 * disk; whoever it names is looked up on every use, so a member deactivated, or the training
 * manager once the register is live, is signed out at once. Services record who did something
 * with `current()`.
 */
export class TillSession {
  constructor(
    private readonly doc: JsonDocument<TillFile>,
    private readonly now: () => Date,
    /** The member of staff with this id who may be at the till now, or null. */
    private readonly personOf: (staffId: string) => TillPerson | null,
  ) {}

  /** The person signed in now, as orders, refunds and closes record them; null when nobody is. */
  current(): Cashier | null {
    const person = this.person();
    return person === null ? null : { id: person.id, name: person.name };
  }

  view(): TillSignIn | null {
    const person = this.person();
    const since = this.doc.data.signedIn?.since;
    return person === null || since === undefined ? null : { ...person, since };
  }

  async signIn(person: TillPerson): Promise<void> {
    await this.doc.update((draft) => {
      draft.signedIn = { staffId: person.id, since: seoulIso(this.now()) };
    });
  }

  async signOut(): Promise<void> {
    if (this.doc.data.signedIn === null) return;
    await this.doc.update((draft) => {
      draft.signedIn = null;
    });
  }

  /** Whether staff may sign in by picking their name instead of typing a PIN. */
  nameSignIn(): boolean {
    return this.doc.data.nameSignIn;
  }

  async setNameSignIn(on: boolean): Promise<void> {
    await this.doc.update((draft) => {
      draft.nameSignIn = on;
    });
  }

  private person(): TillPerson | null {
    const signedIn = this.doc.data.signedIn;
    return signedIn === null ? null : this.personOf(signedIn.staffId);
  }
}
