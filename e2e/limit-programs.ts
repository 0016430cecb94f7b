// Programs that go past issue 11's limits, shared by the specs that check the limit and what is left after it.

/** 10,000 spawns: refused past the 64th; the 64 started ones are joined. */
export const SPAWNS = `import { print, spawn } from "lanes";
export function task(i: number) { return i; }
export default async function main() {
  const handles = [];
  try {
    for (let i = 0; i < 10000; i++) handles.push(spawn(task, i));
  } catch (e) {
    print("refused after", handles.length, (e as Error).message);
  }
  let sum = 0;
  for (const h of handles) sum += await h.join();
  print("sum", sum);
}
`;

/** 64 pools of 64 workers: the second is refused. */
export const POOLS = `import { Pool, print } from "lanes";
export default async function main() {
  const pools = [];
  try {
    for (let i = 0; i < 64; i++) pools.push(new Pool({ workers: 64 }));
  } catch (e) {
    print("refused after", pools.length, (e as Error).message);
  }
}
`;
