import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { barChannelNames, channels, displayChannelNames } from './shared/ipc/contract';

// Our layout is not electron-vite's default, so every entry is named here.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          // The browser host runs the same core without Electron (e2e and machines without the binary).
          host: resolve('electron/host/index.ts'),
        },
      },
    },
  },
  preload: {
    // The preload needs only the channel names: they are written in here, so zod stays out of it.
    define: {
      __POS_CHANNELS__: JSON.stringify(channels),
      __POS_DISPLAY_CHANNELS__: JSON.stringify(displayChannelNames),
      __POS_BAR_CHANNELS__: JSON.stringify(barChannelNames),
    },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require(): anything it imports must be bundled in.
      externalizeDeps: false,
      rollupOptions: {
        input: {
          index: resolve('electron/preload/index.ts'),
          display: resolve('electron/preload/display.ts'),
          bar: resolve('electron/preload/bar.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    // Only POS_PUBLIC_ names may reach the bundle; nothing secret ever has that prefix.
    envPrefix: 'POS_PUBLIC_',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: {
        input: {
          index: resolve('renderer/index.html'),
          customer: resolve('renderer/customer.html'),
          bar: resolve('renderer/bar.html'),
        },
      },
    },
  },
});
