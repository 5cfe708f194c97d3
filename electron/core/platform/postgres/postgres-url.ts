/**
 * A PostgreSQL connection string as the shop gives it (`postgres://user:password@host:5432/db`).
 * Its password is a secret: logs and the page only ever see it masked.
 */
export function isPostgresUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The URL with its password replaced by `****` (and nothing else changed), for logs and the screen. */
export function maskPostgresUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.password !== '') url.password = '****';
    return url.toString();
  } catch {
    return '(not a postgres:// URL)';
  }
}

/** The password alone, so a logger can scrub it wherever an error message repeats it. */
export function postgresPassword(text: string): string | null {
  try {
    const password = decodeURIComponent(new URL(text).password);
    return password === '' ? null : password;
  } catch {
    return null;
  }
}
