/**
 * Removes secrets from a text before it is kept or shown: each secret as written, its Basic
 * auth form (base64 of `key:`), and any `Basic …` credential at all.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text.replace(/Basic\s+[A-Za-z0-9+/=]{8,}/g, 'Basic [redacted]');
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    for (const form of [secret, Buffer.from(`${secret}:`, 'utf8').toString('base64')])
      out = out.split(form).join('[redacted]');
  }
  return out;
}
