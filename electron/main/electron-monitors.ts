import type { Screen } from 'electron';
import { defaultCustomerScreen, type CustomerScreenChoice } from '../../shared/domain/customer-screen';
import type { Monitors } from '../core/shop/displays/monitors';

/**
 * Electron's displays for the core's customer-screen setting, and the choice the core hands back
 * for the customer window to follow. `screen` is only asked once the app is ready.
 */
export function electronMonitors(screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>): Monitors & {
  choice: { current(): CustomerScreenChoice; onChange(listener: () => void): void };
} {
  let current = defaultCustomerScreen;
  const listeners: Array<() => void> = [];
  return {
    connected: () => ({
      displays: screen
        .getAllDisplays()
        .map(({ id, bounds, scaleFactor }) => ({ id, bounds: { ...bounds }, scaleFactor })),
      primaryId: screen.getPrimaryDisplay().id,
    }),
    use: (choice) => {
      current = choice;
      for (const listener of listeners) listener();
    },
    choice: {
      current: () => current,
      onChange: (listener) => void listeners.push(listener),
    },
  };
}
