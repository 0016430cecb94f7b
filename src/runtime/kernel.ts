// The computation behind work(ms): steps of a linear congruential generator modulo 2^30,
//   x ← (x × 1664525 + 1013904223) mod 2^30
// (Numerical Recipes' constants; c odd and a − 1 divisible by 4 give the full period, 2^30 steps,
// by Hull–Dobell). Cheap, impossible to optimise away, the same result in every realm.
//
// work(ms) is only "a fixed amount of work" if the kernel runs at one speed everywhere. As plain
// JavaScript it does not: V8 compiles a hot loop differently depending on where it was inlined
// and entered, and the same work(200) took 200, 240 or 360 ms (a 32-bit xorshift even boxed its
// state in one of those compilations and ran 5× slower, in workers, from a program's second run
// on). So the loop is a 70-byte WebAssembly function, assembled below: compiled once per realm,
// never inlined into JavaScript, measured at 197–200 ms for work(200) on the page and in fresh
// and reused workers alike. Where WebAssembly is unavailable (a page whose CSP forbids it), the
// same steps run in JavaScript: same results, less steady speed.

const A = 1664525;
const C = 1013904223;
const MASK = 0x3fffffff;
export const KERNEL_SEED = 0x1e3779b9 & MASK;

/** The kernel in JavaScript: the reference, and the fallback. */
export function spinJs(iterations: number, seed = KERNEL_SEED): number {
  let x = seed & MASK;
  for (let i = 0; i < iterations; i++) x = (Math.imul(x, A) + C) & MASK;
  return x;
}

/** Signed LEB128, as WebAssembly encodes integer immediates and sizes. */
function leb128(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const section = (id: number, bytes: number[]): number[] => [id, ...leb128(bytes.length), ...bytes];

/** (func (export "spin") (param $n i32) (param $x i32) (result i32)): $n steps from state $x. */
export function kernelModuleBytes(): Uint8Array {
  const [I32, LOCAL_GET, LOCAL_SET, LOCAL_TEE, I32_CONST, END] = [0x7f, 0x20, 0x21, 0x22, 0x41, 0x0b];
  const body = [
    0x00, //                                         no locals besides the two parameters
    0x02, 0x40, //                                   block
    LOCAL_GET, 0, 0x45, 0x0d, 0, //                    if $n == 0: leave the block
    0x03, 0x40, //                                     loop
    LOCAL_GET, 1, I32_CONST, ...leb128(A), 0x6c, //      $x × A
    I32_CONST, ...leb128(C), 0x6a, //                    + C
    I32_CONST, ...leb128(MASK), 0x71, LOCAL_SET, 1, //   mod 2^30 → $x
    LOCAL_GET, 0, I32_CONST, 1, 0x6b, LOCAL_TEE, 0, //   $n ← $n − 1
    0x0d, 0, //                                          again while $n ≠ 0
    END, //                                            end loop
    END, //                                          end block
    LOCAL_GET, 1, //                                 return $x
    END,
  ];
  const name = [..."spin"].map((c) => c.charCodeAt(0));
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, [1, 0x60, 2, I32, I32, 1, I32]), //        one type: (i32, i32) → i32
    ...section(3, [1, 0]), //                                one function, of that type
    ...section(7, [1, name.length, ...name, 0x00, 0]), //    exported as "spin"
    ...section(10, [1, ...leb128(body.length), ...body]), // its code
  ]);
}

type WasmSpin = (steps: number, state: number) => number;
let wasmSpin: WasmSpin | null | undefined;

function loadWasm(): WasmSpin | null {
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(kernelModuleBytes() as BufferSource));
    return instance.exports.spin as WasmSpin;
  } catch {
    return null; // no WebAssembly here (or a CSP without 'wasm-unsafe-eval'): JavaScript it is
  }
}

/** `iterations` kernel steps from `seed`; the final state (so nothing can be skipped). */
export function spin(iterations: number, seed = KERNEL_SEED): number {
  if (wasmSpin === undefined) wasmSpin = typeof WebAssembly === "object" ? loadWasm() : null;
  const n = Math.max(0, Math.floor(iterations));
  if (!wasmSpin) return spinJs(n, seed);
  let x = seed & MASK;
  // The WebAssembly loop counts in i32: hand it at most 2^30 steps at a time.
  for (let left = n; left > 0; ) {
    const steps = Math.min(left, 2 ** 30);
    x = wasmSpin(steps, x);
    left -= steps;
  }
  return x;
}

/** For tests: forget the compiled kernel, or pretend WebAssembly is missing. */
export function resetKernel(useWasm = true): void {
  wasmSpin = useWasm ? undefined : null;
}
