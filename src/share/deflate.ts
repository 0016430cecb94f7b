// deflate-raw through the platform's CompressionStream: no library, and the same code in the
// browser and in Node (tests).

async function collect(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | "too-large"> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    // Stop inflating at once: a few bytes of link can expand to gigabytes (a "zip bomb").
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return "too-large";
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  return new Blob([bytes as BlobPart]).stream().pipeThrough(transform as TransformStream<Uint8Array, Uint8Array>);
}

export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const out = await collect(through(bytes, new CompressionStream("deflate-raw")), Number.POSITIVE_INFINITY);
  return out as Uint8Array;
}

/** The inflated bytes; "too-large" past `maxBytes`; "corrupt" when the data is not a whole deflate stream. */
export async function inflateRaw(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array | "too-large" | "corrupt"> {
  try {
    return await collect(through(bytes, new DecompressionStream("deflate-raw")), maxBytes);
  } catch {
    return "corrupt";
  }
}
