// Talking to a running mock from the CLI: one error, exit code 2, for "the mock is not there".

/** The command needs a running mock and none answered: exit code 2, "start it with `npm start`". */
export class MockUnreachableError extends Error {
  readonly code = 'mock_unreachable';
  constructor(origin: string, cause: string) {
    super(
      `cannot reach the mock at ${origin} (${cause}); start it with \`npm start\` ` +
        '(or point --mock-url at the one you run)',
    );
    this.name = 'MockUnreachableError';
  }
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'timed out',
};

/** A network failure in words: "connection refused" for ECONNREFUSED (also inside fetch's `cause`). */
export function networkFailureWords(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const { code, message } = current as { code?: string; message?: string };
    if (code && NETWORK_WORDS[code]) return NETWORK_WORDS[code];
    const named = Object.keys(NETWORK_WORDS).find((name) => message?.includes(name));
    if (named) return NETWORK_WORDS[named] as string;
    current = (current as { cause?: unknown }).cause;
  }
  const { message, cause } = error as { message?: string; cause?: { message?: string } };
  if (message === 'fetch failed' && cause?.message) return cause.message;
  return message ?? String(error);
}
