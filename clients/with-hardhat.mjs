// Starts Hardhat's node (`hardhat node`, the reference implementation) on 127.0.0.1 at a free port, runs one
// command against it, stops the node and exits with the command's status.
//
//   node with-hardhat.mjs                       runs `node e2e.mjs {http} {ws}`
//   node with-hardhat.mjs -- CMD ARG...         runs CMD; {http} and {ws} in the arguments become the node's URLs
//
// The node's URL is also in the environment as PARKCHAIN_RPC_URL. Hardhat's own log goes to a file whose path
// is printed, so the command's output stays readable.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const STARTUP_TIMEOUT_MS = 60_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function answers(url) {
  try {
    const r = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(2_000),
    });
    return (await r.json()).result !== undefined;
  } catch {
    return false;
  }
}

const argv = process.argv.slice(2);
const separator = argv.indexOf("--");
const command = separator >= 0 ? argv.slice(separator + 1) : [process.execPath, path.join(here, "e2e.mjs"), "{http}", "{ws}"];
if (command.length === 0) {
  console.error("usage: node with-hardhat.mjs [-- CMD ARG...]");
  process.exit(2);
}

const port = await freePort();
const http = `http://127.0.0.1:${port}`;
const ws = `ws://127.0.0.1:${port}`;
const logFile = path.join(os.tmpdir(), `hardhat-node-${port}.log`);
const log = fs.openSync(logFile, "w");
const hardhatCli = path.join(here, "node_modules", "hardhat", "internal", "cli", "cli.js");
if (!fs.existsSync(hardhatCli)) {
  console.error(`hardhat is not installed: run 'npm ci' in ${here}`);
  process.exit(2);
}
const hardhat = spawn(process.execPath, [hardhatCli, "node", "--hostname", "127.0.0.1", "--port", String(port)], {
  cwd: here,
  stdio: ["ignore", log, log],
  env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: "true" },
});
let hardhatExited = false;
hardhat.on("exit", () => { hardhatExited = true; });

function stopHardhat() {
  if (hardhatExited) return;
  hardhat.kill("SIGTERM");
  setTimeout(() => { if (!hardhatExited) hardhat.kill("SIGKILL"); }, 5_000).unref();
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => { stopHardhat(); process.exit(130); });
}

const started = Date.now();
while (!(await answers(http))) {
  if (hardhatExited || Date.now() - started > STARTUP_TIMEOUT_MS) {
    console.error(`hardhat node did not start on ${http}; its log (${logFile}):`);
    console.error(fs.readFileSync(logFile, "utf8").slice(-4000));
    stopHardhat();
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 200));
}
const version = await fetch(http, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "web3_clientVersion", params: [] }),
}).then((r) => r.json());
console.log(`# ${version.result} at ${http} (log: ${logFile})`);

const args = command.map((a) => a.replaceAll("{http}", http).replaceAll("{ws}", ws));
const child = spawn(args[0], args.slice(1), { stdio: "inherit", env: { ...process.env, PARKCHAIN_RPC_URL: http } });
child.on("exit", (code, signal) => {
  stopHardhat();
  hardhat.once("exit", () => process.exit(code ?? (signal ? 1 : 0)));
  if (hardhatExited) process.exit(code ?? 1);
});
