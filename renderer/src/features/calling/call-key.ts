/** The register's key for the call list (any screen but a dialog). */
export const CALL_LIST_KEY = 'F5';
