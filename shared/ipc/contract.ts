import type { z } from 'zod';
import type { CallerRole } from './channel';
import { appChannels } from './channels/app';
import { barChannels } from './channels/bar';
import { cashChannels } from './channels/cash';
import { catalogChannels } from './channels/catalog';
import { couponChannels } from './channels/coupons';
import { dayChannels } from './channels/day';
import { discountChannels } from './channels/discount';
import { drawerChannels } from './channels/drawer';
import { setupChannels } from './channels/setup';
import { displayChannels } from './channels/display';
import { displaysChannels } from './channels/displays';
import { heldChannels } from './channels/held';
import { logChannels } from './channels/log';
import { historyChannels } from './channels/history';
import { saleChannels } from './channels/sale';
import { paymentChannels } from './channels/payment';
import { preferenceChannels } from './channels/preferences';
import { receiptChannels } from './channels/receipt';
import { receiptsChannels } from './channels/receipts';
import { refundChannels } from './channels/refund';
import { registerChannels } from './channels/register';
import { settingsChannels } from './channels/settings';
import { staffChannels } from './channels/staff';
import { ticketChannels } from './channels/ticket';
import { monthChannels } from './channels/month';
import { updatesChannels } from './channels/updates';
import { storeChannels } from './channels/store';
import { mergeContract } from './merge-contract';

/**
 * The one IPC contract: every channel the renderer may call, by domain, each with its caller's
 * role and its input and output schema. Preload, main and the browser host are all built from it.
 */
export const contract = mergeContract(appChannels)
  .with(preferenceChannels)
  .with(catalogChannels)
  .with(saleChannels)
  .with(discountChannels)
  .with(paymentChannels)
  .with(cashChannels)
  .with(staffChannels)
  .with(setupChannels)
  .with(settingsChannels)
  .with(couponChannels)
  .with(historyChannels)
  .with(refundChannels)
  .with(dayChannels)
  .with(monthChannels)
  .with(registerChannels)
  .with(heldChannels)
  .with(displayChannels)
  .with(displaysChannels)
  .with(receiptChannels)
  .with(drawerChannels)
  .with(barChannels)
  .with(ticketChannels)
  .with(receiptsChannels)
  .with(updatesChannels)
  .with(storeChannels)
  .with(logChannels).channels;

/** What the customer's screen may call: reading only (and reporting to main's log). */
export const displayChannelNames = (Object.keys(contract) as Array<keyof typeof contract>).filter(
  (channel) => contract[channel].role === 'display' || contract[channel].role === 'page',
);

/** What the bar's screen may call: the orders being made, and calling one ready (and reporting to main's log). */
export const barChannelNames = (Object.keys(contract) as Array<keyof typeof contract>).filter(
  (channel) => contract[channel].role === 'bar' || contract[channel].role === 'page',
);

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export type ChannelRole<C extends Channel> = Contract[C]['role'];
export type ChannelsFor<R extends CallerRole> = { [C in Channel]: ChannelRole<C> extends R ? C : never }[Channel];

export const channels = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}
