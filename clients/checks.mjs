// The end-to-end scripts' shared harness: one line per check (`ok` or `FAIL` with what was seen), a closing
// `N passed, M failed`, exit status 0 only when nothing failed, and a watchdog so that a node that stops answering
// fails the run (after E2E_TIMEOUT_MS, default 180 s) instead of hanging it.

const TOTAL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 180_000);
setTimeout(() => {
  console.error(`FAIL the run did not finish within ${TOTAL_TIMEOUT_MS} ms`);
  process.exit(1);
}, TOTAL_TIMEOUT_MS).unref();

let passed = 0;
let failed = 0;

/** Runs one check; prints `ok` or `FAIL` with what was seen. A fatal check that fails ends the run. */
export async function check(name, fn, { fatal = false } = {}) {
  try {
    const detail = await fn();
    passed++;
    console.log(`ok   ${name}${detail ? ` (${detail})` : ""}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e?.shortMessage ?? e?.message ?? e}`);
    if (process.env.E2E_VERBOSE) console.log(e);
    if (fatal) finish();
  }
}

/** Prints the tally and exits: 0 when nothing failed, 1 otherwise. */
export function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

export function expectEqual(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}
