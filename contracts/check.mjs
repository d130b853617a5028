// Checks that the SDK's Solidity interfaces (src/*.sol) compile to exactly the committed ABIs (abi/*.json) and,
// when the park's interface specification is at hand, to exactly the ABIs compiled from it.
//   node contracts/check.mjs [specification folder]      (default: ../shared/interfaces beside the repository)
// Prints one line per check and "N passed, M failed"; exits 1 when any failed.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compileAbis, canonical } from "./solc.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const specDir = process.argv[2] ?? path.resolve(here, "..", "..", "shared", "interfaces");
let passed = 0;
let failed = 0;
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  ok ? passed++ : failed++;
};

const ours = compileAbis(path.join(here, "src"));
const committed = Object.fromEntries(fs.readdirSync(path.join(here, "abi")).filter((f) => f.endsWith(".json"))
  .map((f) => [path.basename(f, ".json"), JSON.parse(fs.readFileSync(path.join(here, "abi", f), "utf8"))]));
check(JSON.stringify(Object.keys(ours).sort()) === JSON.stringify(Object.keys(committed).sort()),
  `src/*.sol declare the interfaces abi/ holds: ${Object.keys(committed).sort().join(", ")}`);
for (const name of Object.keys(committed).sort()) {
  check(ours[name] !== undefined && canonical(ours[name]) === canonical(committed[name]),
    `src/${name}.sol compiles to abi/${name}.json`);
}
if (fs.existsSync(path.join(specDir, "IParkRegistry.sol"))) {
  const spec = compileAbis(specDir);
  check(JSON.stringify(Object.keys(spec).sort()) === JSON.stringify(Object.keys(ours).sort()),
    `the specification in ${specDir} declares the same interfaces`);
  for (const name of Object.keys(spec).sort()) {
    check(ours[name] !== undefined && canonical(ours[name]) === canonical(spec[name]),
      `${name}: the SDK's ABI equals the specification's`);
  }
} else {
  console.log(`(no specification at ${specDir}: compared with the committed ABIs only)`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
