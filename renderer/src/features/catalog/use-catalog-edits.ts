import type { ChannelInput } from '../../../../shared/ipc/contract';
import { useAction } from '../../lib/use-action';
import { callAsManager } from '../staff';

/** The catalog screen's changes, one at a time: each reads the catalog again once main took it. */
export function useCatalogEdits(reload: () => void) {
  const { error, run } = useAction();

  function change(task: () => Promise<unknown>, done?: () => void): void {
    run(task, () => {
      done?.();
      reload();
    });
  }

  return {
    error,
    setSoldOut: (productId: string, soldOut: boolean) =>
      change(() => callAsManager('catalog:set-sold-out', { productId, soldOut })),
    moveProduct: (productId: string, position: number) =>
      change(() => callAsManager('catalog:move-product', { productId, position })),
    retireProduct: (productId: string, retired: boolean) =>
      change(() => callAsManager('catalog:retire-product', { productId, retired })),
    retireCategory: (categoryId: string, retired: boolean) =>
      change(() => callAsManager('catalog:retire-category', { categoryId, retired })),
    addCategory: (category: ChannelInput<'catalog:save-category'>, done: () => void) =>
      change(() => callAsManager('catalog:save-category', category), done),
    retireOptionGroup: (groupId: string, retired: boolean) =>
      change(() => callAsManager('catalog:retire-option-group', { groupId, retired })),
    setOptionSoldOut: (optionId: string, soldOut: boolean) =>
      change(() => callAsManager('catalog:set-option-sold-out', { optionId, soldOut })),
    retireOption: (optionId: string, retired: boolean) =>
      change(() => callAsManager('catalog:retire-option', { optionId, retired })),
  };
}

/** Adds or edits one product; main checks everything again and says what it refused. */
export function useSaveProduct(onSaved: () => void) {
  const { error, run } = useAction();
  return {
    error,
    save: (product: ChannelInput<'catalog:save-product'>) =>
      void run(() => callAsManager('catalog:save-product', product), onSaved),
  };
}

/** Adds or edits one option group with all its options; main checks it whole and says what it refused. */
export function useSaveOptionGroup(onSaved: () => void) {
  const { error, busy, run } = useAction();
  return {
    error,
    busy,
    save: (group: ChannelInput<'catalog:save-option-group'>) =>
      void run(() => callAsManager('catalog:save-option-group', group), onSaved),
  };
}
