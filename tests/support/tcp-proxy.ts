import { createConnection, createServer, type Socket } from 'node:net';

/** A loopback TCP proxy the test controls: cut, it drops every connection and refuses new ones, as a server gone away. */
export interface TcpProxy {
  port: number;
  /** The connection string through the proxy (same user, password and database). */
  url(target: string): string;
  cut(): void;
  restore(): void;
  /**
   * From now on, a connection that sends `marker` (a statement's text) gets no answer and hears
   * nothing more, as a server that hangs; other connections, and statements before, are answered.
   */
  hangOn(marker: string): void;
  /** How many connections hang. */
  hung(): number;
  /** Drops the hanging connections (their statements fail as a lost connection) and hangs no more. */
  unhang(): void;
  /** Lets the hanging connections go on: what they sent reaches the server now (a server slow, not gone). */
  resume(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let open = true;
  const sockets = new Set<Socket>();
  let marker: Buffer | null = null;
  /** Each hanging connection, with what it sent since. */
  const hanging = new Map<Socket, Buffer[]>();
  const upstreamOf = new WeakMap<Socket, Socket>();
  const server = createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host: targetHost, port: targetPort });
    upstreamOf.set(client, upstream);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('data', (chunk: Buffer) => {
      if (marker !== null && chunk.includes(marker) && !hanging.has(client)) hanging.set(client, []);
      const held = hanging.get(client);
      if (held === undefined) upstream.write(chunk);
      else held.push(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('close', () => hanging.delete(client));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  const cutAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    port: address.port,
    url: (target) => {
      const parsed = new URL(target);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(address.port);
      return parsed.toString();
    },
    cut: () => {
      open = false;
      cutAll();
    },
    restore: () => {
      open = true;
    },
    hangOn: (text) => {
      marker = Buffer.from(text, 'utf8');
    },
    hung: () => hanging.size,
    unhang: () => {
      marker = null;
      for (const socket of hanging.keys()) socket.destroy();
      hanging.clear();
    },
    resume: () => {
      marker = null;
      const held = [...hanging];
      hanging.clear();
      for (const [client, chunks] of held) for (const chunk of chunks) upstreamOf.get(client)?.write(chunk);
    },
    close: async () => {
      cutAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The host and port of a postgres:// URL, for a proxy in front of it. */
export function hostPortOf(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || 5432) };
}
