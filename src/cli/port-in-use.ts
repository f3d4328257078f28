// Says in words when the mock cannot listen because its port is taken, and what to do about it.

/** The port a listen error names, when it is EADDRINUSE ("listen EADDRINUSE: … 127.0.0.1:8080"). */
export function portInUse(error: unknown): string | undefined {
  const { code, message = '', port } = error as { code?: string; message?: string; port?: number };
  if (code !== 'EADDRINUSE' && !message.includes('EADDRINUSE')) return undefined;
  return port !== undefined ? String(port) : (/:(\d+)\s*$/.exec(message)?.[1] ?? '?');
}

/** "port 8080 is already in use: another provtjanst-mock may be running; use --port/--https-port …". */
export function portInUseMessage(port: string): string {
  return (
    `port ${port} is already in use: another provtjanst-mock may be running (stop it with Ctrl-C); ` +
    'use --port/--https-port to pick others (0 picks a free one)'
  );
}
