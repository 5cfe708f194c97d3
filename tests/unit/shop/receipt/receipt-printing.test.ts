import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  PrinterInfo as ElectronPrinterInfo,
  PrintToPDFOptions,
  SaveDialogOptions,
  WebContentsPrintOptions,
} from 'electron';
import { describe, expect, it } from 'vitest';
import { startPos } from '../../../../electron/compose/start-pos';
import type { PdfJob, PrintJob, ReceiptPrinter } from '../../../../electron/core/shop/receipt/receipt-printer';
import { plainTextCipher } from '../../../../electron/core/shop/secrets/key-cipher';
import { electronReceiptPrinter, type ElectronPrinterDeps } from '../../../../electron/main/receipt-printer';
import type { Channel, ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';
import type { IpcResult } from '../../../../shared/ipc/result';
import { onCleanup } from '../../helpers/cleanup';
import { silentLog } from '../../helpers/pos';
import { tempDir } from '../../helpers/temp-dir';

const STORE = {
  name: '토스 카페',
  owner: '김토스',
  businessNumber: '120-81-47521',
  address: '서울 강남구 테헤란로 131',
  phone: '02-1544-7772',
};
const PAGE = { widthMm: 58, heightMm: 140 } as const;

/** The shell's printer as the core sees it: what it was asked to do, answered as a real printer would. */
class RecordingPrinter implements ReceiptPrinter {
  readonly prints: PrintJob[] = [];
  readonly pdfs: PdfJob[] = [];
  async printers() {
    return [{ name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82' }];
  }
  async print(job: PrintJob) {
    this.prints.push(job);
    return { outcome: 'printed' as const };
  }
  async savePdf(job: PdfJob) {
    this.pdfs.push(job);
    return { outcome: 'saved' as const, path: `/home/shop/${job.fileName}` };
  }
}

async function core(printer?: ReceiptPrinter) {
  const dataDir = await tempDir('receipt');
  const pos = await startPos({
    env: { POS_DATA_DIR: dataDir },
    packaged: false,
    cipher: plainTextCipher,
    keepEnvironmentKey: false,
    log: silentLog,
    printer,
  });
  onCleanup(() => pos.close());
  const ok = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = (await pos.dispatch(channel, input)) as IpcResult<ChannelOutput<C>>;
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.data;
  };
  return { pos, ok };
}

describe('printing receipts through the shell', () => {
  it('prints to the printer and with the silence the manager chose, on the paper the page laid out', async () => {
    const printer = new RecordingPrinter();
    const { ok } = await core(printer);
    await ok('staff:setup-owner', { name: '김토스', pin: '482913' });
    await ok('settings:save-store', STORE);
    expect(await ok('receipt:printers', {})).toEqual({
      printing: 'shell',
      printers: [{ name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82' }],
    });
    const view = await ok('settings:save-receipt', { paperWidth: 58, silent: true, printer: 'EPSON_TM_T82' });
    expect(view.receipt).toEqual({ paperWidth: 58, silent: true, printer: 'EPSON_TM_T82' });
    expect(view.receiptChanged?.by).toBe('김토스');
    await ok('staff:lock', {});

    // A cashier, no manager session: the register reads what it needs and prints.
    expect(await ok('receipt:setup', {})).toEqual({
      store: { ...STORE, businessNumber: '1208147521' },
      paperWidth: 58,
      printing: 'shell',
      silent: true,
    });
    expect(await ok('receipt:print', { page: PAGE })).toEqual({ outcome: 'printed' });
    expect(printer.prints).toEqual([{ page: PAGE, silent: true, printer: 'EPSON_TM_T82' }]);
    expect(await ok('receipt:save-pdf', { page: PAGE, fileName: 'receipt-20261201-ABC.pdf' })).toEqual({
      outcome: 'saved',
      path: '/home/shop/receipt-20261201-ABC.pdf',
    });
    expect(printer.pdfs).toEqual([
      { page: PAGE, fileName: 'receipt-20261201-ABC.pdf', dialogTitle: '영수증을 PDF로 저장' },
    ]);
  });

  it('without a shell printer (the browser host) says the page must print itself, and never claims silence', async () => {
    const { pos, ok } = await core();
    await ok('staff:setup-owner', { name: '김토스', pin: '482913' });
    await ok('settings:save-receipt', { paperWidth: 80, silent: true, printer: null });
    expect(await ok('receipt:printers', {})).toEqual({ printing: 'browser', printers: [] });
    expect(await ok('receipt:setup', {})).toMatchObject({
      printing: 'browser',
      silent: false,
      paperWidth: 80,
      store: null,
    });
    expect(await ok('receipt:print', { page: PAGE })).toEqual({ outcome: 'unavailable' });
    expect(await ok('receipt:save-pdf', { page: PAGE, fileName: 'r.pdf' })).toEqual({ outcome: 'unavailable' });
    // Choosing paper and printer is a manager's; a file name that could leave the folder is refused.
    await ok('staff:lock', {});
    expect(await pos.dispatch('settings:save-receipt', { paperWidth: 58, silent: false, printer: null })).toMatchObject(
      { ok: false, error: { code: 'MANAGER_REQUIRED' } },
    );
    expect(await pos.dispatch('receipt:save-pdf', { page: PAGE, fileName: '../../etc/x.pdf' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await pos.dispatch('settings:save-receipt', { paperWidth: 72, silent: false, printer: null })).toMatchObject(
      { ok: false },
    );
  });
});

/** Electron's webContents as the printer uses it, answering the way Chromium's print does. */
function fakeContents(printAnswer: [boolean, string]) {
  const printed: WebContentsPrintOptions[] = [];
  const pdfs: PrintToPDFOptions[] = [];
  const contents: NonNullable<ReturnType<ElectronPrinterDeps['contents']>> = {
    print: (options, callback) => {
      printed.push(options ?? {});
      callback?.(...printAnswer);
    },
    printToPDF: async (options) => {
      pdfs.push(options);
      return Buffer.from('%PDF-1.4 receipt');
    },
    getPrintersAsync: async () => [
      { name: 'EPSON_TM_T82', displayName: '', description: '', options: {} } as ElectronPrinterInfo,
    ],
  };
  return { contents, printed, pdfs };
}

describe('the Electron shell’s printer', () => {
  it('prints the page edge to edge on the receipt’s paper, in microns, to the chosen printer', async () => {
    const fake = fakeContents([true, '']);
    const printer = electronReceiptPrinter({
      contents: () => fake.contents,
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      documentsDir: () => '/docs',
      writeFile: async () => undefined,
    });
    expect(
      await printer.print({ page: { widthMm: 80, heightMm: 183 }, silent: true, printer: 'EPSON_TM_T82' }),
    ).toEqual({ outcome: 'printed' });
    expect(fake.printed).toEqual([
      {
        silent: true,
        deviceName: 'EPSON_TM_T82',
        printBackground: true,
        margins: { marginType: 'none' },
        pageSize: { width: 80_000, height: 183_000 },
      },
    ]);
    await printer.print({ page: PAGE, silent: false, printer: null });
    expect(fake.printed[1]).not.toHaveProperty('deviceName');
    // A printer that shows only its OS name is listed by it.
    expect(await printer.printers()).toEqual([{ name: 'EPSON_TM_T82', displayName: 'EPSON_TM_T82' }]);
  });

  it.each([
    [[false, 'Print job canceled'], { outcome: 'cancelled' }],
    [[false, 'cancelled'], { outcome: 'cancelled' }],
    [[false, 'Invalid printer settings'], { outcome: 'failed', reason: 'Invalid printer settings' }],
  ] as const)('a print answered %j ends %j', async (answer, outcome) => {
    const printer = electronReceiptPrinter({
      contents: () => fakeContents([...answer]).contents,
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      documentsDir: () => '/docs',
      writeFile: async () => undefined,
    });
    expect(await printer.print({ page: PAGE, silent: false, printer: null })).toEqual(outcome);
  });

  it('saves the PDF where the person chose, starting in Documents, and writes nothing when the dialog is cancelled', async () => {
    const dir = await tempDir('pdf');
    const fake = fakeContents([true, '']);
    const dialogs: SaveDialogOptions[] = [];
    let answer = { canceled: true, filePath: '' };
    const printer = electronReceiptPrinter({
      contents: () => fake.contents,
      showSaveDialog: async (options) => (dialogs.push(options), answer),
      documentsDir: () => dir,
      writeFile: (path, data) => writeFile(path, data),
    });
    const job = { page: PAGE, fileName: 'receipt-A1.pdf', dialogTitle: 'Save the receipt as PDF' };
    expect(await printer.savePdf(job)).toEqual({ outcome: 'cancelled' });
    answer = { canceled: false, filePath: join(dir, 'chosen.pdf') };
    expect(await printer.savePdf(job)).toEqual({ outcome: 'saved', path: join(dir, 'chosen.pdf') });
    expect(await readFile(join(dir, 'chosen.pdf'), 'utf8')).toBe('%PDF-1.4 receipt');
    expect(dialogs[0]).toMatchObject({
      title: 'Save the receipt as PDF',
      defaultPath: join(dir, 'receipt-A1.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(fake.pdfs[0]).toMatchObject({ preferCSSPageSize: true, printBackground: true });
  });

  it('before the window opens, fails in words instead of throwing', async () => {
    const printer = electronReceiptPrinter({
      contents: () => null,
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      documentsDir: () => '/docs',
      writeFile: async () => undefined,
    });
    expect(await printer.print({ page: PAGE, silent: true, printer: null })).toEqual({
      outcome: 'failed',
      reason: 'the register window is not open',
    });
    expect(await printer.savePdf({ page: PAGE, fileName: 'r.pdf', dialogTitle: 't' })).toEqual({
      outcome: 'failed',
      reason: 'the register window is not open',
    });
    expect(await printer.printers()).toEqual([]);
  });
});
