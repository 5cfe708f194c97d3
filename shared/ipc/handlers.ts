import type { Cashier, Manager } from '../domain/staff';
import type { ChannelGroup } from './channel';
import type { Channel, ChannelOutput, ChannelParsedInput, ChannelRole } from './contract';

/**
 * Who is calling: for a manager channel, the manager whose session main has open; and the person
 * signed in at the till (never null on a `tillSignIn` channel).
 */
export interface CashierCall {
  manager: Manager | null;
  cashier: Cashier | null;
}
export interface ManagerCall {
  manager: Manager;
  cashier: Cashier | null;
}

/**
 * One handler per contract channel, typed from the contract: a missing or extra one is a
 * compile error, and a manager channel's handler always knows which manager approved it.
 * Main implements it; the renderer's test double implements the same type, so it cannot drift.
 */
export type Handlers = {
  [C in Channel]: (
    input: ChannelParsedInput<C>,
    call: ChannelRole<C> extends 'manager' ? ManagerCall : CashierCall,
  ) => Promise<ChannelOutput<C>>;
};

/** The handlers of one domain's channels. */
export type DomainHandlers<G extends ChannelGroup> = Pick<Handlers, Extract<keyof G, Channel>>;
