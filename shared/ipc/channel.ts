import type { z } from 'zod';
import type { Role } from '../domain/staff';

/**
 * Who may call a channel. `manager` channels are refused in main unless a manager session is
 * open, whatever the renderer shows. `display` channels only read, and are the only ones the
 * customer's screen can reach; `bar` channels are the only ones the bar's screen can reach (the
 * orders being made, and calling one ready). The register reaches both. `page` channels are
 * reached by every one of our pages (a report to main's log, nothing read or changed).
 */
export type CallerRole = Role | 'display' | 'bar' | 'page';

/** One IPC channel: who may call it, what it takes and what it answers. */
export interface ChannelSpec {
  role: CallerRole;
  /**
   * A manager change that outlives training (staff, settings, keys, the mode, the catalog): refused
   * to the training manager, whose PIN is public by design.
   */
  outlivesTraining?: true;
  /**
   * Moves money or closes the books: refused unless someone is signed in at the till, who is
   * recorded on what it changes (SIGN_IN_NEEDED).
   */
  tillSignIn?: true;
  /**
   * Asked by an open screen on its own, every few seconds, not by a person: a manager channel so
   * marked does not keep the manager's session from locking itself when no one is there.
   */
  watch?: true;
  input: z.ZodType;
  output: z.ZodType;
}

export type ChannelGroup = Record<string, ChannelSpec>;

/** Names a domain's channels; `satisfies` keeps each schema's own type. */
export function defineChannels<const G extends ChannelGroup>(group: G): G {
  return group;
}
