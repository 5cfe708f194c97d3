/** The renderer's origin when `POS_PAGE_ORIGIN=app`: a privileged, standard, secure scheme, never file://. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://pos`;

/** The preload reads this to expose `window.pos` to our own page only, never to a page a popup inherits it in. */
export const APP_ORIGIN_ARG = '--pos-app-origin=';
