// Differential test of Parkchain's EVM (Prague/Osaka) against two independent implementations:
// @ethereumjs/vm (in-process) and Hardhat's EDR (in-process Hardhat network), in the manner of goevmlab.
//
//   node diff.mjs PARKCHAIN_URL [--seed N] [--programs N] [--hardfork osaka|prague] [--verbose]
//
// The same signed transactions run on all three: hand-written cases per EIP (CLZ, MODEXP bounds and price,
// P256VERIFY, BLS12-381, EIP-7702 delegations, the EIP-7623 floor, the EIP-7825 cap), then random programs. Each case
// deploys its code with one transaction and calls it with another; compared are the call's eth_call output (success or
// revert, and the bytes), the receipt's status, gas used and logs, and the state of the accounts it can reach
// (balance, nonce, code, storage slots 0–15). Programs avoid what legitimately differs between the chains (COINBASE,
// TIMESTAMP, NUMBER, PREVRANDAO, GASLIMIT, BASEFEE, BLOCKHASH, the sender's balance). Prints one line per
// difference and ends with `N passed, M failed`; exit status 0 only when none failed.
import { createRequire } from "node:module";
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ethers } from "ethers";
import { createCustomCommon, Mainnet, Hardfork } from "@ethereumjs/common";
import { createVM, runTx } from "@ethereumjs/vm";
import { createTxFromRLP } from "@ethereumjs/tx";
import { createBlock } from "@ethereumjs/block";
import { createAddressFromString, createAccount, hexToBytes, bytesToHex, setLengthLeft } from "@ethereumjs/util";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const parkchainUrl = args.find((a) => a.startsWith("http"));
if (!parkchainUrl) {
  console.error("usage: node diff.mjs PARKCHAIN_URL [--seed N] [--programs N] [--hardfork osaka|prague] [--verbose]");
  process.exit(2);
}
const seed = Number(option("--seed", "1"));
const programCount = Number(option("--programs", "20"));
const hardfork = option("--hardfork", "osaka");
const verbose = args.includes("--verbose");
process.env.DIFF_HARDFORK = hardfork;

const MNEMONIC = "test test test test test test test test test test test junk";
const CHAIN_ID = 31337n;
const wallet = (i) => ethers.HDNodeWallet.fromPhrase(MNEMONIC, undefined, `m/44'/60'/0'/0/${i}`);
const SENDER = wallet(3);
const TIP = 2_000_000_000n;

// --- the three implementations, behind one small interface -------------------------------------------------------

class JsonRpcChain {
  constructor(name, request) {
    this.name = name;
    this.request = request;
  }
  async call(tx) {
    try {
      return { ok: true, data: await this.request("eth_call", [tx, "latest"]) };
    } catch (e) {
      const data = e?.data?.data ?? e?.data ?? e?.error?.data ?? "0x";
      return { ok: false, data: typeof data === "string" ? data : "0x", message: String(e?.message ?? e) };
    }
  }
  async send(raw) {
    let hash;
    try {
      hash = await this.request("eth_sendRawTransaction", [raw]);
    } catch (e) {
      return { rejected: String(e?.message ?? e) };
    }
    for (let i = 0; i < 400; i++) {
      const r = await this.request("eth_getTransactionReceipt", [hash]);
      if (r) {
        return {
          status: Number(r.status),
          gasUsed: BigInt(r.gasUsed),
          logs: r.logs.map((l) => ({ address: l.address.toLowerCase(), topics: l.topics, data: l.data })),
        };
      }
      await new Promise((res) => setTimeout(res, 10));
    }
    throw new Error(`${this.name}: no receipt for ${hash}`);
  }
  async account(address, slots) {
    const [balance, nonce, code] = await Promise.all([
      this.request("eth_getBalance", [address, "latest"]),
      this.request("eth_getTransactionCount", [address, "latest"]),
      this.request("eth_getCode", [address, "latest"]),
    ]);
    const storage = [];
    for (const s of slots) storage.push(BigInt(await this.request("eth_getStorageAt", [address, ethers.toBeHex(s, 32), "latest"])));
    return { balance: BigInt(balance), nonce: BigInt(nonce), code: code.toLowerCase(), storage };
  }
}

async function parkchain(url) {
  let id = 0;
  const request = async (method, params) => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params }),
    });
    const body = await res.json();
    if (body.error) {
      const err = new Error(body.error.message);
      err.data = body.error.data;
      throw err;
    }
    return body.result;
  };
  return new JsonRpcChain("parkchain", request);
}

async function hardhat() {
  const require = createRequire(import.meta.url);
  process.chdir(here);
  const hre = require("hardhat");
  const provider = hre.network.provider;
  return new JsonRpcChain("hardhat-edr", (method, params) => provider.request({ method, params }));
}

/** @ethereumjs/vm: runs each signed transaction in a block of its own on one VM; eth_call runs on a copy. */
class EthereumJs {
  constructor(vm, common) {
    this.name = "ethereumjs";
    this.vm = vm;
    this.common = common;
    this.number = 1n;
  }
  static async create() {
    const hf = hardfork === "prague" ? Hardfork.Prague : Hardfork.Osaka;
    const common = createCustomCommon({ chainId: Number(CHAIN_ID) }, Mainnet, { hardfork: hf });
    const vm = await createVM({ common });
    for (let i = 0; i < 10; i++) {
      await vm.stateManager.putAccount(createAddressFromString(wallet(i).address), createAccount({ balance: 10n ** 22n }));
    }
    return new EthereumJs(vm, common);
  }
  block() {
    return createBlock(
      { header: { number: this.number, timestamp: 1_700_000_000n + this.number, gasLimit: 60_000_000n, baseFeePerGas: 7n,
        coinbase: "0x000000000000000000000000000000000000c0b5" } },
      { common: this.common },
    );
  }
  /**
   * No eth_call here: the output compared for ethereumjs is that of the transaction itself (the same sender, data and
   * gas limit as the eth_call the other two answer), recorded by {@link #send}.
   */
  async call() {
    return null;
  }
  async send(raw) {
    let tx;
    try {
      tx = createTxFromRLP(hexToBytes(raw), { common: this.common });
    } catch (e) {
      return { rejected: String(e?.message ?? e) };
    }
    let r;
    try {
      r = await runTx(this.vm, { tx, block: this.block(), skipBlockGasLimitValidation: false });
    } catch (e) {
      return { rejected: String(e?.message ?? e) };
    }
    this.number++;
    const data = bytesToHex(r.execResult.returnValue);
    this.lastOutput = { ok: !r.execResult.exceptionError, data: r.execResult.exceptionError && r.execResult.exceptionError.error !== "revert" ? "0x" : data };
    return {
      status: r.execResult.exceptionError ? 0 : 1,
      gasUsed: r.totalGasSpent,
      logs: r.receipt.logs.map(([address, topics, data]) => ({
        address: bytesToHex(address).toLowerCase(),
        topics: topics.map((t) => bytesToHex(t)),
        data: bytesToHex(data),
      })),
    };
  }
  async account(address, slots) {
    const a = createAddressFromString(address);
    const acc = await this.vm.stateManager.getAccount(a);
    const code = bytesToHex(await this.vm.stateManager.getCode(a));
    const storage = [];
    for (const s of slots) {
      const v = await this.vm.stateManager.getStorage(a, setLengthLeft(hexToBytes(ethers.toBeHex(s)), 32));
      storage.push(v.length === 0 ? 0n : BigInt(bytesToHex(v)));
    }
    return { balance: acc?.balance ?? 0n, nonce: acc?.nonce ?? 0n, code: code === "0x" ? "0x" : code.toLowerCase(), storage };
  }
}

// --- cases ---------------------------------------------------------------------------------------------------------

/** Init code that deploys {@code runtime} (hex without 0x) as the new contract's code. */
function deployer(runtime) {
  const n = runtime.length / 2;
  const len = n.toString(16).padStart(4, "0");
  // PUSH2 len DUP1 PUSH1 0x0a PUSH0 CODECOPY PUSH0 RETURN (10 bytes), then the runtime at offset 0x0a
  return "0x61" + len + "80600a5f395ff3" + runtime;
}

let nonce = 0;
async function signed(fields) {
  const tx = { type: 2, chainId: CHAIN_ID, nonce: nonce++, maxFeePerGas: 50_000_000_000n, maxPriorityFeePerGas: TIP, ...fields };
  return SENDER.signTransaction(tx);
}

const word = (v) => ethers.toBeHex(v, 32).slice(2);
const push32 = (v) => "7f" + word(v);

/** A call to precompile {@code address} with {@code input}, returning [success, returndata]. */
function callPrecompile(address, input, gas = "5a") {
  const bytes = input.length / 2;
  let code = "";
  for (let i = 0; i < bytes; i += 32) code += push32(BigInt("0x" + input.slice(i * 2, i * 2 + 64).padEnd(64, "0"))) + "61" + i.toString(16).padStart(4, "0") + "52";
  // CALL(gas, address, 0, 0, bytes, 0, 0); store success at 0, copy the return data after it, return both
  code += "5f5f61" + bytes.toString(16).padStart(4, "0") + "5f5f61" + address.toString(16).padStart(4, "0") + gas + "f1";
  code += "5f52" + "3d5f6020" + "3e" + "3d6020" + "01" + "5ff3";
  return code;
}

function modexpInput(base, exp, mod, bl = base.length / 2, el = exp.length / 2, ml = mod.length / 2) {
  return word(bl) + word(el) + word(ml) + base + exp + mod;
}

function p256Vector(valid) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const message = Buffer.from("parkchain differential");
  const hash = crypto.createHash("sha256").update(message).digest("hex");
  const sig = crypto.sign("sha256", message, { key: privateKey, dsaEncoding: "ieee-p1363" }).toString("hex");
  const jwk = publicKey.export({ format: "jwk" });
  const x = Buffer.from(jwk.x, "base64url").toString("hex");
  const y = Buffer.from(jwk.y, "base64url").toString("hex");
  return hash + (valid ? sig : sig.slice(0, 127) + (sig[127] === "0" ? "1" : "0")) + x + y;
}

const G1 = "0000000000000000000000000000000017f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"
  + "0000000000000000000000000000000008b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1";

function handWritten() {
  const cases = [];
  const add = (name, runtime, data = "0x", gas = 1_000_000n) => cases.push({ name, runtime, data, gas });
  // EIP-7939 CLZ
  for (const v of [0n, 1n, 255n, 1n << 128n, (1n << 255n) | 1n, (1n << 256n) - 1n]) {
    add(`clz(${v})`, push32(v) + "1e5f5260205ff3");
  }
  add("clz gas", "5f1e505a5f5260205ff3");
  // EIP-7823 / EIP-7883 MODEXP (0x05)
  add("modexp 1-byte", callPrecompile(5, modexpInput("03", "05", "07")));
  add("modexp 33-byte modulus", callPrecompile(5, modexpInput("02".repeat(33), "03", "ff".repeat(33))));
  add("modexp 40-byte exponent", callPrecompile(5, modexpInput("02", "01".repeat(40), "0d")));
  add("modexp zero exponent", callPrecompile(5, modexpInput("05", "00", "0b")));
  add("modexp 1025-byte base refused", callPrecompile(5, modexpInput("01", "01", "05", 1025, 1, 1)));
  add("modexp 1024-byte modulus", callPrecompile(5, modexpInput("07", "03", "ff", 1, 1, 1024)));
  // EIP-7951 P256VERIFY (0x100)
  add("p256 valid", callPrecompile(0x100, p256Vector(true)));
  add("p256 invalid", callPrecompile(0x100, p256Vector(false)));
  add("p256 short input", callPrecompile(0x100, "00".repeat(100)));
  // EIP-2537 BLS12-381 (0x0b-0x11)
  add("bls g1add infinity", callPrecompile(0x0b, "00".repeat(256)));
  add("bls g1add generator", callPrecompile(0x0b, G1 + G1));
  add("bls g1msm generator*2", callPrecompile(0x0c, G1 + word(2n)));
  add("bls g1add bad length", callPrecompile(0x0b, "00".repeat(255)));
  add("bls pairing empty", callPrecompile(0x0f, ""));
  add("bls map fp to g1", callPrecompile(0x10, "00".repeat(16) + "11".repeat(48)));
  // halts: invalid opcode, stack underflow, bad jump, out of gas, too-large code, write in a static call
  add("invalid opcode", "fe");
  add("stack underflow", "01");
  add("bad jump", "600356");
  add("out of gas", "5b600056", "0x", 100_000n);
  // CREATE of init code PUSH2 0x6001 PUSH0 RETURN (24,577 bytes of code: EIP-170), and of too much init code (EIP-3860)
  add("code size exceeded", "646160015ff35f526005601b5ff05f5260205ff3");
  add("init code too large", "61c0015f5ff05f5260205ff3");
  // EIP-7623: a call with heavy calldata pays the floor
  add("calldata floor", "00", "0x" + "ab".repeat(4000), 300_000n);
  add("calldata zeros", "00", "0x" + "00".repeat(4000), 300_000n);
  return cases;
}

// --- the random program generator ----------------------------------------------------------------------------------

function rng(seed) {
  let s = BigInt(seed) * 6364136223846793005n + 1442695040888963407n;
  return () => {
    s = (s * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n);
    return Number(s >> 33n) / 2 ** 31;
  };
}

/** A random program of stack, memory, storage, log, call and create instructions (goevmlab's style). */
function randomProgram(random) {
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const small = () => pick([0, 1, 2, 3, 4, 5, 7, 8, 15, 31, 32, 33, 64, 255, 256]);
  const wide = () => {
    let v = 0n;
    for (let i = 0; i < 8; i++) v = (v << 32n) | BigInt(Math.floor(random() * 2 ** 32));
    return v >> BigInt(Math.floor(random() * 256));
  };
  const value = () => (random() < 0.7 ? BigInt(small()) : wide());
  const push = (v) => {
    if (v === 0n) return "5f";
    const hex = v.toString(16);
    const bytes = Math.ceil(hex.length / 2);
    return (0x5f + bytes).toString(16) + hex.padStart(bytes * 2, "0");
  };
  const ops = [];
  const n = 5 + Math.floor(random() * 40);
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < 0.30) {
      ops.push(push(value()));
    } else if (r < 0.55) {
      ops.push(pick(["01", "02", "03", "04", "05", "06", "07", "08", "09", "0a", "0b", "10", "11", "12", "13", "14", "15", "16",
        "17", "18", "19", "1a", "1b", "1c", "1d", "1e", "1e", "50", "80", "81", "82", "90", "91", "92"]));
    } else if (r < 0.65) {
      ops.push(push(BigInt(small())) + pick(["51", "52", "53"]));
    } else if (r < 0.72) {
      ops.push(push(BigInt(small() % 16)) + pick(["54", "55", "5c", "5d"]));
    } else if (r < 0.76) {
      ops.push(push(BigInt(small())) + push(BigInt(small())) + pick(["a0", "a1", "a2"]));
    } else if (r < 0.80) {
      ops.push(pick(["30", "33", "34", "36", "38", "3d", "46", "47", "58", "59", "5a", "32"]));
    } else if (r < 0.84) {
      ops.push(push(BigInt(small())) + push(BigInt(small())) + "20");
    } else if (r < 0.90) {
      // a call to a precompile (0x01-0x11, 0x100) with memory as input
      const target = pick([1, 2, 3, 4, 5, 6, 7, 8, 9, 0x0b, 0x0c, 0x0f, 0x10, 0x11, 0x100]);
      ops.push(push(32n) + "5f" + push(BigInt(small())) + "5f" + "5f" + push(BigInt(target)) + push(BigInt(10_000 + Math.floor(random() * 200_000))) + pick(["f1", "fa"]) + "50");
    } else if (r < 0.93) {
      ops.push("3d5f5f3e"); // RETURNDATACOPY of the whole return data
    } else if (r < 0.95) {
      ops.push(push(BigInt(small())) + "5f" + "5f" + "f0"); // CREATE with memory as init code
    } else if (r < 0.97) {
      ops.push(push(BigInt(small())) + push(BigInt(small())) + "5e"); // MCOPY
    } else {
      ops.push(pick(["5b", "58600101", "36"]));
    }
  }
  ops.push(pick(["00", "5f5260205ff3", "60205ff3", "60205ffd", "fe"]));
  return ops.join("");
}

// --- running and comparing -----------------------------------------------------------------------------------------

function differences(label, results) {
  const [first, ...rest] = results;
  const out = [];
  for (const other of rest) {
    const a = JSON.stringify(first.value, (k, v) => (typeof v === "bigint" ? v.toString() : v));
    const b = JSON.stringify(other.value, (k, v) => (typeof v === "bigint" ? v.toString() : v));
    if (a !== b) out.push(`${label}: ${first.name} ${a} vs ${other.name} ${b}`);
  }
  return out;
}

async function runCase(chains, c) {
  const deploy = await signed({ data: deployer(c.runtime), gasLimit: 3_000_000n });
  const contract = ethers.getCreateAddress({ from: SENDER.address, nonce: nonce - 1 }).toLowerCase();
  const deployed = [];
  for (const chain of chains) deployed.push({ name: chain.name, value: await chain.send(deploy) });
  const diffs = differences("deploy", deployed.map((d) => ({ name: d.name, value: d.value.rejected ? "rejected" : d.value })));

  const callFields = { from: SENDER.address, to: contract, data: c.data, gas: ethers.toQuantity(c.gas) };
  const outputs = [];
  for (const chain of chains) {
    const r = await chain.call(callFields);
    // Each client words its errors its own way; compared are success, and the revert data a REVERT returns.
    outputs.push({ name: chain.name, value: r && { ok: r.ok, data: r.ok || r.data !== "0x" ? r.data : "0x" } });
  }

  const call = await signed({ to: contract, data: c.data, gasLimit: c.gas });
  const receipts = [];
  for (const chain of chains) {
    const r = await chain.send(call);
    receipts.push({ name: chain.name, value: r.rejected ? "rejected" : r });
  }
  diffs.push(...differences("receipt", receipts));
  if (receipts[0].value === "rejected") nonce--; // a refused transaction leaves the nonce unused
  const ejs = chains.findIndex((c) => c instanceof EthereumJs);
  if (ejs >= 0 && receipts[ejs].value !== "rejected") outputs[ejs].value = chains[ejs].lastOutput;
  diffs.push(...differences("output", outputs));

  const reachable = [contract, ethers.getCreateAddress({ from: contract, nonce: 1 }).toLowerCase(),
    ethers.getCreateAddress({ from: contract, nonce: 2 }).toLowerCase()];
  const slots = [...Array(16).keys()];
  for (const address of reachable) {
    const states = [];
    for (const chain of chains) states.push({ name: chain.name, value: await chain.account(address, slots) });
    diffs.push(...differences(`state of ${address}`, states));
  }
  return diffs;
}

/** EIP-7702 on all chains: a wallet delegates to a contract with a type-4 transaction, then is called. */
async function delegationCases(chains) {
  const results = [];
  const walletKey = wallet(7);
  // the delegate stores CALLER at slot 0 and returns ADDRESS
  const deploy = await signed({ data: deployer("335f55305f5260205ff3"), gasLimit: 200_000n });
  const delegate = ethers.getCreateAddress({ from: SENDER.address, nonce: nonce - 1 });
  for (const chain of chains) await chain.send(deploy);
  const walletNonce = 0;
  const auth = await walletKey.authorize({ address: delegate, nonce: walletNonce, chainId: CHAIN_ID });
  const tx = await signed({ type: 4, to: walletKey.address, authorizationList: [auth], gasLimit: 200_000n, data: "0x" });
  const receipts = [];
  for (const chain of chains) receipts.push({ name: chain.name, value: await chain.send(tx) });
  let diffs = differences("7702 set-code receipt", receipts);
  const states = [];
  for (const chain of chains) states.push({ name: chain.name, value: await chain.account(walletKey.address.toLowerCase(), [0, 1]) });
  // the wallet's balance is untouched (it paid nothing), its nonce 1, its code the designator
  diffs.push(...differences("7702 wallet state", states));
  const outputs = [];
  for (const chain of chains) {
    const o = await chain.call({ from: SENDER.address, to: walletKey.address, data: "0x", gas: "0x30000" });
    if (o) outputs.push({ name: chain.name, value: { ok: o.ok, data: o.data } });
  }
  diffs.push(...differences("7702 call through the delegation", outputs));
  // a plain call to the delegated wallet, then its storage
  const call = await signed({ to: walletKey.address, gasLimit: 100_000n });
  const rs = [];
  for (const chain of chains) rs.push({ name: chain.name, value: await chain.send(call) });
  diffs.push(...differences("7702 call receipt", rs));
  // an authorization for another chain and one at a wrong nonce are skipped alike
  const stale = await wallet(8).authorize({ address: delegate, nonce: 5, chainId: CHAIN_ID });
  const other = await wallet(8).authorize({ address: delegate, nonce: 0, chainId: 1n });
  const skipped = await signed({ type: 4, to: wallet(8).address, authorizationList: [stale, other], gasLimit: 200_000n });
  const ss = [];
  for (const chain of chains) ss.push({ name: chain.name, value: await chain.send(skipped) });
  diffs.push(...differences("7702 skipped authorizations", ss));
  results.push({ name: "EIP-7702 delegation", diffs });

  // EIP-7825: a gas limit above 2^24 is refused under Osaka by everyone
  if (hardfork === "osaka") {
    const big = await signed({ to: walletKey.address, gasLimit: 16_777_217n });
    const rr = [];
    for (const chain of chains) rr.push({ name: chain.name, value: (await chain.send(big)).rejected ? "rejected" : "accepted" });
    nonce--;
    results.push({ name: "EIP-7825 cap", diffs: differences("gas limit 2^24+1", rr) });
  }
  return results;
}

async function main() {
  const chains = [await parkchain(parkchainUrl), await hardhat(), await EthereumJs.create()];
  // Start every chain's sender nonce where Parkchain's is (its dev chain may have served transactions already).
  nonce = Number(await chains[0].request("eth_getTransactionCount", [SENDER.address, "latest"]));
  if (nonce !== 0) throw new Error(`the Parkchain node has already used account 3 (nonce ${nonce}): start a fresh --dev node`);
  let passed = 0, failed = 0;
  const report = (name, diffs) => {
    if (diffs.length === 0) {
      passed++;
      if (verbose) console.log(`ok   ${name}`);
    } else {
      failed++;
      console.log(`FAIL ${name}`);
      for (const d of diffs) console.log(`     ${d}`);
    }
  };
  for (const c of handWritten()) report(c.name, await runCase(chains, c));
  for (const r of await delegationCases(chains)) report(r.name, r.diffs);
  const random = rng(seed);
  for (let i = 0; i < programCount; i++) {
    const runtime = randomProgram(random);
    const gas = BigInt(50_000 + Math.floor(random() * 400_000));
    let data = "0x";
    for (let b = Math.floor(random() * 64); b > 0; b--) data += Math.floor(random() * 256).toString(16).padStart(2, "0");
    report(`program ${seed}/${i} 0x${runtime} data ${data} gas ${gas}`, await runCase(chains, { runtime, data, gas }));
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
