import type { Readable } from "node:stream";

/**
 * How much of a request body may wait between the socket and the handler. Past it the Node stream
 * is paused (TCP pushes back on the client) until the handler reads on: a body is never buffered
 * whole by the adapter, and the handler's own size limit (maxBodyBytes) cancels it once exceeded.
 */
const QUEUED_BYTES = 64 * 1024;

export interface WebBody {
  readonly stream: ReadableStream<Uint8Array>;
  /** True once the stream delivered the body's last byte (so the connection can be kept alive). */
  readonly ended: () => boolean;
}

/**
 * A Node request stream as a web ReadableStream, with backpressure both ways. Cancelling it (the
 * handler refusing an oversized body) pauses the Node stream and stops listening; it does not
 * destroy it, because the socket is still needed for the answer. A client that disconnects
 * mid-body errors the stream, so the handler's read fails instead of waiting for bytes forever.
 */
export function webBodyFrom(source: Readable): WebBody {
  let ended = false;
  let detach = () => {};
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const onData = (chunk: Buffer | string) => {
          const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
          controller.enqueue(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) source.pause();
        };
        const onEnd = () => {
          ended = true;
          detach();
          controller.close();
        };
        const onError = (error: Error) => {
          detach();
          controller.error(error);
        };
        const onClose = () => {
          if (!ended) onError(new Error("The client closed the connection before the request body ended."));
        };
        detach = () => {
          source.off("data", onData);
          source.off("end", onEnd);
          source.off("error", onError);
          source.off("close", onClose);
        };
        source.on("data", onData);
        source.on("end", onEnd);
        source.on("error", onError);
        source.on("close", onClose);
      },
      pull() {
        source.resume();
      },
      cancel() {
        detach();
        source.pause();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: QUEUED_BYTES }),
  );
  return { stream, ended: () => ended };
}
