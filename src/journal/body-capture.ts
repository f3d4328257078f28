// Keeps the first bytes of a body as it streams past, counting the rest, with no copy while one chunk suffices.
import { type Transformer, TransformStream } from 'node:stream/web';
export interface CapturedBody {
  size: number;
  text: string;
  truncated: boolean;
}

/** Collects up to `cap` bytes of the chunks it is shown; `read()` decodes them once, at the end. */
export class BodyCapture {
  private readonly chunks: Uint8Array[] = [];
  private kept = 0;
  size = 0;

  constructor(private readonly cap: number) {}

  add(chunk: Uint8Array): void {
    this.size += chunk.byteLength;
    if (this.kept >= this.cap) return;
    // A view, not a copy: the chunk is referenced until the entry is recorded.
    const slice = chunk.byteLength <= this.cap - this.kept ? chunk : chunk.subarray(0, this.cap - this.kept);
    this.chunks.push(slice);
    this.kept += slice.byteLength;
  }

  read(): CapturedBody {
    const only = this.chunks.length === 1 ? this.chunks[0] : undefined;
    const bytes = only ?? Buffer.concat(this.chunks);
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return { size: this.size, text, truncated: this.size > this.kept };
  }

  /** A pass-through stream that shows every chunk to this capture; `onEnd` runs once when it ends or fails. */
  tee(onEnd?: (error?: unknown) => void): globalThis.TransformStream<Uint8Array, Uint8Array> {
    let ended = false;
    const end = (error?: unknown) => {
      if (ended) return;
      ended = true;
      onEnd?.(error);
    };
    const transformer: Transformer<Uint8Array, Uint8Array> & { cancel?: (reason: unknown) => void } = {
      transform: (chunk, controller) => {
        this.add(chunk);
        controller.enqueue(chunk);
      },
      flush: () => end(),
      // Node 20+: called when the readable side is cancelled (the client went away mid-answer).
      cancel: (reason) => end(reason ?? new Error('cancelled')),
    };
    return new TransformStream<Uint8Array, Uint8Array>(transformer) as unknown as globalThis.TransformStream<
      Uint8Array,
      Uint8Array
    >;
  }
}
