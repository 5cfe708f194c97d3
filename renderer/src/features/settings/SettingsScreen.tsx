import { useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { SettingsView } from '../../../../shared/domain/settings';
import { FormError } from '../../ui/FormError';
import '../../ui/ui.css';
import { StaffPanel, TrainingManagerNotice, useManagerData } from '../staff';
import { CustomerScreenPanel } from './CustomerScreenPanel';
import { DiscountLimitsPanel } from './DiscountLimitsPanel';
import { useSettingsStrings } from './settings-strings';
import { ReceiptPanel } from './ReceiptPanel';
import { MandatoryCashReceiptPanel } from './MandatoryCashReceiptPanel';
import { TicketPanel } from '../calling';
import { RefundPolicyPanel } from './RefundPolicyPanel';
import { RegisterPanel } from './RegisterPanel';
import { StoreInfoPanel } from './StoreInfoPanel';
import { TossPanel } from './TossPanel';
import { UpdatesPanel } from './UpdatesPanel';
import { SharedStorePanel } from '../shared-store';

/** The manager's settings: the shop, receipt printing, the Toss keys and mode, the discount limits, the refund policy, the staff. */
export function SettingsScreen({ onModeSwitched }: { onModeSwitched: () => void }) {
  const text = useSettingsStrings();
  const loaded = useManagerData('settings:get');
  // A save answers with the new view; until then the one read at opening.
  const [saved, setSaved] = useState<SettingsView | null>(null);
  const view = saved ?? loaded.data;
  const error: PosErrorData | null = loaded.error;

  return (
    <div className="manager-screen" data-testid="settings-screen">
      <h1>{text.title}</h1>
      <TrainingManagerNotice />
      <FormError error={error} />
      {view === null ? (
        error === null && <span className="spinner spinner-large" aria-label="…" />
      ) : (
        <>
          <StoreInfoPanel view={view} onSaved={setSaved} />
          <ReceiptPanel view={view} onSaved={setSaved} />
          <TicketPanel />
          <CustomerScreenPanel />
          <TossPanel view={view} onSaved={setSaved} onModeSwitched={onModeSwitched} />
          <DiscountLimitsPanel view={view} onSaved={setSaved} />
          <RefundPolicyPanel view={view} onSaved={setSaved} />
          <MandatoryCashReceiptPanel view={view} onSaved={setSaved} />
          <RegisterPanel />
          <UpdatesPanel />
          <SharedStorePanel />
          <StaffPanel />
        </>
      )}
    </div>
  );
}
