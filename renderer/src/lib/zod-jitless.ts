import { z } from 'zod';

// The page's CSP forbids eval. zod probes `new Function` when its first object schema is built,
// so this must run before any schema module is evaluated: main.tsx imports it first.
z.config({ jitless: true });
