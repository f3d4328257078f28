// Reads a small JSON request body with a byte cap, so a hostile sender cannot make the mock buffer without bound.

export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

/** Reads at most `maxBytes` of the body and parses it; an empty body is refused. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBodyResult> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    return { ok: false, status: 413, message: `Body of ${declared} bytes is over the limit of ${maxBytes}` };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, status: 413, message: `Body is over the limit of ${maxBytes} bytes` };
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim())
    return { ok: false, status: 400, message: 'The body is empty; a JSON object is expected' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, status: 400, message: `The body is not valid JSON: ${(error as Error).message}` };
  }
}
