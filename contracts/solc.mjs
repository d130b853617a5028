// Compiles Solidity sources to ABIs with the solcjs pinned in clients/ (standard JSON, evmVersion cancun).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "..", "clients", "package.json"));

/** The solc module from clients/node_modules, or a clear error when `npm ci` has not been run there. */
export function loadSolc() {
  try {
    return require("solc");
  } catch (e) {
    throw new Error("solc is not installed: run (cd clients && npm ci) first");
  }
}

/** ABIs of every interface in the .sol files of `dir`, by interface name. */
export function compileAbis(dir) {
  const solc = loadSolc();
  const sources = {};
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".sol")).sort()) {
    sources[f] = { content: fs.readFileSync(path.join(dir, f), "utf8") };
  }
  const input = {
    language: "Solidity",
    sources,
    settings: { evmVersion: "cancun", outputSelection: { "*": { "*": ["abi"] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), {
    import: (p) => sources[path.basename(p)] ?? { error: "not found: " + p },
  }));
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) {
    throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  }
  const abis = {};
  for (const file of Object.keys(output.contracts ?? {})) {
    for (const [name, c] of Object.entries(output.contracts[file])) {
      abis[name] = c.abi;
    }
  }
  return abis;
}

/** An ABI in a canonical order (by type, name and input types), so two compilations compare with ===. */
export function canonical(abi) {
  const key = (e) => `${e.type}:${e.name ?? ""}(${(e.inputs ?? []).map((i) => i.type).join(",")})`;
  return JSON.stringify([...abi].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)), null, 2);
}
