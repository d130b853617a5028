// Compiles contracts/*.sol with solcjs through the standard-JSON API for evmVersion "cancun"
// (the solcjs command line would target the compiler's default fork, osaka, whose opcodes Parkchain does not run).
// As a module: `compile()` returns { compiler, evmVersion, contracts: { Name: { abi, bytecode, deployedBytecode } } }.
// As a command: `node compile.mjs [outFile]` writes that object as JSON (stdout when no file is given),
// for tools in other languages (the web3j test, the Java load generator).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import solc from "solc";

const here = path.dirname(fileURLToPath(import.meta.url));
export const EVM_VERSION = "cancun";

export function compile(dir = path.join(here, "contracts")) {
  const sources = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".sol")).sort()) {
    sources[file] = { content: fs.readFileSync(path.join(dir, file), "utf8") };
  }
  if (Object.keys(sources).length === 0) throw new Error(`no .sol files in ${dir}`);
  const input = {
    language: "Solidity",
    sources,
    settings: {
      evmVersion: EVM_VERSION,
      optimizer: { enabled: true, runs: 200 },
      outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) {
    throw new Error("solc failed:\n" + errors.map((e) => e.formattedMessage).join("\n"));
  }
  const contracts = {};
  for (const [file, byName] of Object.entries(output.contracts)) {
    for (const [name, c] of Object.entries(byName)) {
      if (contracts[name]) throw new Error(`contract ${name} is defined twice (${file})`);
      contracts[name] = {
        abi: c.abi,
        bytecode: "0x" + c.evm.bytecode.object,
        deployedBytecode: "0x" + c.evm.deployedBytecode.object,
      };
    }
  }
  return { compiler: solc.version(), evmVersion: EVM_VERSION, contracts };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const json = JSON.stringify(compile(), null, 2);
  if (process.argv[2]) fs.writeFileSync(process.argv[2], json);
  else process.stdout.write(json + "\n");
}
