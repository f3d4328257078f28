// Lets the journal see a request body only if, and as, the handler reads it: no stream or copy made in advance.
import type { BodyCapture } from './body-capture.js';

type BodyReader = 'arrayBuffer' | 'text' | 'json' | 'blob' | 'formData' | 'bytes';

function inherited(target: object, name: string): PropertyDescriptor | undefined {
  for (let proto = Object.getPrototypeOf(target); proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return descriptor;
  }
  return undefined;
}

const DECODER = new TextDecoder();

/**
 * Instruments `raw` (in place) so that whatever reads its body shows the bytes to `capture`:
 * - `arrayBuffer()`, `text()`, `json()`, `bytes()`, `blob()`, `formData()` read the body once, the way
 *   the request itself would (with @hono/node-server: straight from the socket into one buffer), and
 *   hand the same bytes to the capture, which keeps a view of the first bytes up to its cap;
 * - `body` is a stream that starts reading only when pulled (hono's `bodyLimit` only checks that it
 *   exists when a Content-Length is given), teeing each chunk into the capture.
 * Nothing is read, copied or created when no one reads the body (a refusal before parsing).
 */
export function captureBodyLazily(raw: Request, capture: BodyCapture): void {
  const readBody = inherited(raw, 'body')?.get;
  const arrayBuffer = inherited(raw, 'arrayBuffer')?.value as
    | ((this: Request) => Promise<ArrayBuffer>)
    | undefined;
  if (!readBody || !arrayBuffer) return;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let stream: ReadableStream<Uint8Array> | undefined;
  let bytes: Promise<ArrayBuffer> | undefined;

  const readAll = (): Promise<ArrayBuffer> => {
    bytes ??= stream
      ? new Response(stream).arrayBuffer()
      : arrayBuffer.call(raw).then((buffer) => {
          capture.add(new Uint8Array(buffer));
          return buffer;
        });
    return bytes;
  };
  const readers: Record<BodyReader, () => Promise<unknown>> = {
    arrayBuffer: readAll,
    bytes: () => readAll().then((buffer) => new Uint8Array(buffer)),
    text: () => readAll().then((buffer) => DECODER.decode(buffer)),
    json: () => readAll().then((buffer) => JSON.parse(DECODER.decode(buffer)) as unknown),
    blob: () =>
      readAll().then((buffer) => new Blob([buffer], { type: raw.headers.get('content-type') ?? '' })),
    formData: () => readAll().then((buffer) => new Response(buffer, { headers: raw.headers }).formData()),
  };
  const properties: PropertyDescriptorMap = {
    body: {
      configurable: true,
      get() {
        stream ??= new ReadableStream<Uint8Array>(
          {
            async pull(controller) {
              reader ??= (readBody.call(raw) as ReadableStream<Uint8Array>).getReader();
              const { done, value } = await reader.read();
              if (done) return controller.close();
              capture.add(value);
              controller.enqueue(value);
            },
            cancel: (reason) => reader?.cancel(reason),
          },
          { highWaterMark: 0 },
        );
        return stream;
      },
    },
  };
  for (const [name, read] of Object.entries(readers)) properties[name] = { configurable: true, value: read };
  Object.defineProperties(raw, properties);
}
