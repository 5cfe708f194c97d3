import { TEST_CARDS } from '../../electron/training/test-cards';

function card(kind: string, code?: string): string {
  const found = TEST_CARDS.find(
    (c) => c.outcome.kind === kind && (code === undefined || ('code' in c.outcome && c.outcome.code === code)),
  );
  if (!found) throw new Error(`no training card for ${kind} ${code ?? ''}`);
  return found.number;
}

/** The training simulator's cards, named by what they do. */
export const cards = {
  approve: card('approve'),
  windowDecline: card('window-decline'),
  overLimit: card('confirm-fail', 'REJECT_CARD_PAYMENT'),
};
