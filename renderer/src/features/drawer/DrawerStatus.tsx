import { useEffect } from 'react';
import { refreshDrawer, useDrawer } from './drawer-store';
import { useDrawerTexts } from './drawer-strings';
import { useDrawerKey } from './use-drawer-key';
import './drawer.css';

/**
 * Beside the search: whether a drawer shift is open, as a button to the drawer (also Shift+F7). With
 * none open, cash is still taken; the badge says so, and no shift counts that cash.
 */
export function DrawerStatus({ onOpen }: { onOpen: () => void }) {
  const text = useDrawerTexts();
  const view = useDrawer((state) => state.view);
  useDrawerKey(onOpen);

  useEffect(() => {
    void refreshDrawer();
  }, []);

  const open = view?.open != null;
  return (
    <button
      type="button"
      className={
        open
          ? 'button button-plain button-small drawer-status'
          : 'button button-plain button-small drawer-status drawer-status-closed'
      }
      aria-keyshortcuts="Shift+F7"
      title={view === null ? text.statusTitle : open ? text.statusTitle : `${text.statusTitle} — ${text.closedNotice}`}
      onClick={onOpen}
      data-testid="drawer-status"
      data-open={view === null ? undefined : String(open)}
    >
      {view === null ? text.title : open ? text.statusOpen : text.statusClosed}
    </button>
  );
}
