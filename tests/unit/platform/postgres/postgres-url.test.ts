import { describe, expect, it } from 'vitest';
import {
  isPostgresUrl,
  maskPostgresUrl,
  postgresPassword,
} from '../../../../electron/core/platform/postgres/postgres-url';

describe('a PostgreSQL connection string', () => {
  it('is told apart from other addresses', () => {
    expect(isPostgresUrl('postgres://pos:secret@10.0.0.5:5432/shop')).toBe(true);
    expect(isPostgresUrl('postgresql://db.local/shop')).toBe(true);
    expect(isPostgresUrl('http://10.0.0.5:5432/shop')).toBe(false);
    expect(isPostgresUrl('10.0.0.5:5432')).toBe(false);
    expect(isPostgresUrl('')).toBe(false);
  });

  it('never shows its password: masked for logs and the screen', () => {
    const url = 'postgres://pos:s3cr%40t@10.0.0.5:5432/shop';
    expect(maskPostgresUrl(url)).toBe('postgres://pos:****@10.0.0.5:5432/shop');
    expect(maskPostgresUrl('postgres://pos@10.0.0.5/shop')).toBe('postgres://pos@10.0.0.5/shop');
    expect(maskPostgresUrl('not a url s3cr3t')).not.toContain('s3cr3t');
    expect(postgresPassword(url)).toBe('s3cr@t');
    expect(postgresPassword('postgres://pos@10.0.0.5/shop')).toBeNull();
  });
});
