/** The renderer's origin in Electron: a privileged, standard, secure scheme, never file://. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://pos`;
