// End-to-end check of an Ethereum JSON-RPC node with the tools people use: ethers.js 6 and a Solidity ERC-20
// compiled by solc 0.8 for Cancun. Usage:
//
//   node e2e.mjs <httpUrl> [wsUrl]
//
// wsUrl defaults to httpUrl with ws:// (Parkchain and Hardhat serve both on one port). Funded keys come from the
// standard test mnemonic (PARKCHAIN_MNEMONIC overrides it), never from eth_accounts, so the script works against
// any node whose genesis funds those accounts. Prints one line per check and ends with `N passed, M failed`;
// exit status 0 only when nothing failed.
import { WebSocket } from "ws";
import {
  Contract,
  ContractFactory,
  getCreateAddress,
  HDNodeWallet,
  JsonRpcProvider,
  Mnemonic,
  Network,
  WebSocketProvider,
  id,
  isCallException,
  parseUnits,
  zeroPadValue,
} from "ethers";
import { compile } from "./compile.mjs";
import { check, expect, expectEqual, finish } from "./checks.mjs";

const TEST_MNEMONIC = "test test test test test test test test test test test junk";
const EVENT_TIMEOUT_MS = 5_000;

const [httpUrl, wsArg] = process.argv.slice(2);
if (!httpUrl || !/^https?:\/\//.test(httpUrl)) {
  console.error("usage: node e2e.mjs <http(s)://host:port> [ws(s)://host:port]");
  process.exit(2);
}
const wsUrl = wsArg ?? httpUrl.replace(/^http/, "ws");

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Plain JSON-RPC over fetch, for the fields ethers normalises away and for the first contact. */
async function rpc(method, params = []) {
  const response = await fetch(httpUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${body.error.code} ${body.error.message}`);
  return body.result;
}

/**
 * Expects `promise` to fail as a call exception carrying revert data that decodes to `errorName`. ethers decodes
 * the data itself for eth_call through a contract (and Error(string) everywhere); for a failed eth_estimateGas it
 * leaves custom errors to the application, which decodes `error.data` with the contract's ABI, as done here.
 */
async function expectRevert(promise, errorName, expectedArgs) {
  let error;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  expect(error !== undefined, `expected a revert with ${errorName}, but the call succeeded`);
  expect(isCallException(error), `expected CALL_EXCEPTION, got ${error.code}: ${error.shortMessage ?? error.message}`);
  expect(typeof error.data === "string" && error.data.length >= 10, `no revert data in the error (data=${error.data})`);
  if (error.revert == null) {
    const parsed = token.interface.parseError(error.data);
    expect(parsed != null, `revert data ${error.data} matches no error of the ABI`);
    error.revert = { name: parsed.name, signature: parsed.signature, args: parsed.args };
  }
  expectEqual(error.revert.name, errorName, "decoded error");
  const args = error.revert.args.map((a) => (typeof a === "bigint" ? a.toString() : String(a)));
  const want = expectedArgs.map((a) => (typeof a === "bigint" ? a.toString() : String(a)));
  expectEqual(JSON.stringify(args), JSON.stringify(want), `${errorName} arguments`);
  return error;
}

const HEX = /^0x[0-9a-f]*$/;
function expectFields(object, fields, what) {
  for (const f of fields) {
    expect(object[f] !== undefined && object[f] !== null, `${what} lacks ${f}`);
  }
}
function expectQuantity(value, what) {
  expect(typeof value === "string" && /^0x(0|[1-9a-f][0-9a-f]*)$/.test(value), `${what} is not a quantity: ${value}`);
}

// ---------------------------------------------------------------------------------------------------------------

const { contracts } = compile();
const artifact = contracts.TestToken;
const mnemonic = Mnemonic.fromPhrase(process.env.PARKCHAIN_MNEMONIC ?? TEST_MNEMONIC);
const wallets = [0, 1, 2].map((i) => HDNodeWallet.fromMnemonic(mnemonic, `m/44'/60'/0'/0/${i}`));
const [alice, bob, carol] = wallets;
const SUPPLY = parseUnits("1000000", 18);

let chainId;
let provider;
let token;
let tokenAddress;
let deployBlock;
let transferReceipt;

await check(
  "eth_chainId and net_version agree",
  async () => {
    chainId = BigInt(await rpc("eth_chainId"));
    const netVersion = await rpc("net_version");
    expectEqual(netVersion, chainId.toString(), "net_version");
    return `chain id ${chainId}`;
  },
  { fatal: true },
);

// A static network: ethers would otherwise retry network detection forever against a dead node. No request cache:
// ethers answers an identical request made within 250 ms from memory, so on a fast node a second
// eth_getTransactionCount("pending") would return the nonce just used, and the checks would read stale state.
const PROVIDER_OPTIONS = { staticNetwork: true, pollingInterval: 100, cacheTimeout: -1 };
provider = new JsonRpcProvider(httpUrl, Network.from(chainId), PROVIDER_OPTIONS);
const [aliceS, bobS, carolS] = wallets.map((w) => w.connect(provider));

await check(
  "mnemonic accounts are funded",
  async () => {
    const balances = await Promise.all(wallets.map((w) => provider.getBalance(w.address)));
    balances.forEach((b, i) => expect(b > parseUnits("1", 18), `account ${i} ${wallets[i].address} has ${b} wei`));
    return `${alice.address} holds ${balances[0]} wei`;
  },
  { fatal: true },
);

await check("fee data (eth_gasPrice, eth_maxPriorityFeePerGas, base fee)", async () => {
  const fee = await provider.getFeeData();
  expect(fee.gasPrice > 0n, `gasPrice ${fee.gasPrice}`);
  expect(fee.maxFeePerGas != null && fee.maxPriorityFeePerGas != null, "no EIP-1559 fee data (latest block has no baseFeePerGas?)");
  return `gasPrice ${fee.gasPrice}, maxFee ${fee.maxFeePerGas}, tip ${fee.maxPriorityFeePerGas}`;
});

await check(
  "deploy the ERC-20 (EIP-1559 transaction, contract address in the receipt)",
  async () => {
    const factory = new ContractFactory(artifact.abi, artifact.bytecode, aliceS);
    const nonce = await provider.getTransactionCount(alice.address, "pending");
    token = await factory.deploy("Park Test Token", "PTT", SUPPLY);
    const receipt = await token.deploymentTransaction().wait(1, 30_000);
    expectEqual(receipt.status, 1, "receipt status");
    tokenAddress = await token.getAddress();
    expectEqual(receipt.contractAddress, tokenAddress, "receipt.contractAddress");
    expectEqual(tokenAddress, getCreateAddress({ from: alice.address, nonce }), "CREATE address");
    deployBlock = receipt.blockNumber;
    const code = await provider.getCode(tokenAddress);
    expectEqual(code, artifact.deployedBytecode, "eth_getCode");
    return `${tokenAddress} in block ${deployBlock}, gas ${receipt.gasUsed}`;
  },
  { fatal: true },
);

await check("read the token with eth_call", async () => {
  expectEqual(await token.name(), "Park Test Token", "name()");
  expectEqual(await token.symbol(), "PTT", "symbol()");
  expectEqual(await token.decimals(), 18n, "decimals()");
  expectEqual(await token.totalSupply(), SUPPLY, "totalSupply()");
  expectEqual(await token.balanceOf(alice.address), SUPPLY, "balanceOf(deployer)");
});

await check("estimate gas for a transfer", async () => {
  const gas = await token.transfer.estimateGas(bob.address, 1000n);
  // A first transfer to a fresh holder writes one new slot: 21,000 intrinsic + ~30,000 of execution.
  expect(gas > 21_000n && gas < 100_000n, `estimate ${gas} out of range`);
  return `${gas} gas`;
});

await check(
  "transfer, receipt with a decoded Transfer event",
  async () => {
    const tx = await token.transfer(bob.address, 1000n);
    transferReceipt = await tx.wait(1, 30_000);
    expectEqual(transferReceipt.status, 1, "receipt status");
    expectEqual(transferReceipt.logs.length, 1, "number of logs");
    const parsed = token.interface.parseLog(transferReceipt.logs[0]);
    expectEqual(parsed.name, "Transfer", "event");
    expectEqual(parsed.args.from, alice.address, "from");
    expectEqual(parsed.args.to, bob.address, "to");
    expectEqual(parsed.args.value, 1000n, "value");
    expectEqual(await token.balanceOf(bob.address), 1000n, "recipient balance");
    expectEqual(transferReceipt.logs[0].transactionHash, tx.hash, "log transactionHash");
    return `block ${transferReceipt.blockNumber}, gas ${transferReceipt.gasUsed}`;
  },
  { fatal: true },
);

await check("raw receipt has every field ethers and wallets read", async () => {
  const raw = await rpc("eth_getTransactionReceipt", [transferReceipt.hash]);
  expectFields(
    raw,
    ["transactionHash", "transactionIndex", "blockHash", "blockNumber", "from", "to", "cumulativeGasUsed", "gasUsed",
      "effectiveGasPrice", "logs", "logsBloom", "status", "type"],
    "receipt",
  );
  expect("contractAddress" in raw, "receipt lacks contractAddress (null for calls)");
  expectEqual(raw.contractAddress, null, "contractAddress of a call");
  expectEqual(raw.status, "0x1", "status");
  expectEqual(raw.type, "0x2", "type");
  expect(HEX.test(raw.logsBloom) && raw.logsBloom.length === 514, "logsBloom is not 256 bytes");
  const log = raw.logs[0];
  expectFields(log, ["address", "topics", "data", "blockNumber", "blockHash", "transactionHash", "transactionIndex", "logIndex", "removed"], "log");
  expectEqual(log.removed, false, "log.removed");
  for (const q of ["blockNumber", "cumulativeGasUsed", "gasUsed", "effectiveGasPrice", "transactionIndex"]) expectQuantity(raw[q], q);
});

await check("blocks: header fields, transaction hashes and full transactions", async () => {
  const n = transferReceipt.blockNumber;
  const block = await provider.getBlock(n, true);
  expectEqual(block.hash, transferReceipt.blockHash, "block hash");
  expect(block.transactions.includes(transferReceipt.hash), "block does not list the transaction");
  const tx = block.getPrefetchedTransaction(transferReceipt.hash);
  expectEqual(tx.from, alice.address, "prefetched tx from");
  const parent = await provider.getBlock(n - 1);
  expectEqual(block.parentHash, parent.hash, "parentHash");
  expect(block.timestamp >= parent.timestamp, "timestamp went backwards");
  const byHash = await provider.getBlock(block.hash);
  expectEqual(byHash.number, n, "getBlock(hash).number");
  const raw = await rpc("eth_getBlockByNumber", ["0x" + n.toString(16), false]);
  expectFields(
    raw,
    ["number", "hash", "parentHash", "nonce", "sha3Uncles", "logsBloom", "transactionsRoot", "stateRoot", "receiptsRoot",
      "miner", "difficulty", "extraData", "size", "gasLimit", "gasUsed", "timestamp", "transactions", "uncles",
      "mixHash", "baseFeePerGas", "withdrawalsRoot", "withdrawals", "blobGasUsed", "excessBlobGas", "parentBeaconBlockRoot"],
    "block",
  );
  const latest = await provider.getBlock("latest");
  expect(latest.number >= n, `latest block ${latest.number} is behind the transfer's block ${n}`);
  return `block ${n}: ${raw.transactions.length} tx, base fee ${BigInt(raw.baseFeePerGas)}`;
});

await check("transaction by hash, and nonces latest/pending", async () => {
  const tx = await provider.getTransaction(transferReceipt.hash);
  expectEqual(tx.type, 2, "type");
  expectEqual(tx.chainId, chainId, "chainId");
  expectEqual(tx.from, alice.address, "from");
  expectEqual(tx.to, tokenAddress, "to");
  expectEqual(tx.blockNumber, transferReceipt.blockNumber, "blockNumber");
  expect(tx.signature.r && tx.signature.s, "no signature");
  const latest = await provider.getTransactionCount(alice.address, "latest");
  const pending = await provider.getTransactionCount(alice.address, "pending");
  expectEqual(latest, tx.nonce + 1, "nonce after the transfer");
  expectEqual(pending, latest, "pending nonce with nothing pending");
});

await check("legacy (EIP-155) and access-list (EIP-2930) transactions", async () => {
  const legacy = await (await token.connect(aliceS).transfer(carol.address, 7n, { type: 0 })).wait(1, 30_000);
  expectEqual(legacy.status, 1, "legacy status");
  expectEqual((await provider.getTransaction(legacy.hash)).type, 0, "legacy type");
  const accessList = [{ address: tokenAddress, storageKeys: [] }];
  const al = await (await token.connect(aliceS).transfer(carol.address, 8n, { type: 1, accessList })).wait(1, 30_000);
  expectEqual(al.status, 1, "access-list status");
  expectEqual(await token.balanceOf(carol.address), 15n, "carol's balance");
});

await check("eth_getLogs with address and topic filters", async () => {
  const transferTopic = id("Transfer(address,address,uint256)");
  const topicOf = (a) => zeroPadValue(a, 32);
  const range = { fromBlock: deployBlock, toBlock: "latest" };
  const all = await provider.getLogs({ ...range, address: tokenAddress, topics: [transferTopic] });
  // mint + alice->bob + two alice->carol
  expectEqual(all.length, 4, "Transfer logs of the token");
  const toBob = await provider.getLogs({ ...range, address: tokenAddress, topics: [transferTopic, topicOf(alice.address), topicOf(bob.address)] });
  expectEqual(toBob.length, 1, "alice->bob logs");
  expectEqual(toBob[0].transactionHash, transferReceipt.hash, "alice->bob log's transaction");
  const toBobOrCarol = await provider.getLogs({ ...range, topics: [transferTopic, null, [topicOf(bob.address), topicOf(carol.address)]] });
  expectEqual(toBobOrCarol.filter((l) => l.address === tokenAddress).length, 3, "OR filter on the recipient");
  const none = await provider.getLogs({ ...range, address: bob.address });
  expectEqual(none.length, 0, "logs of an address that emitted none");
  const byBlockHash = await provider.getLogs({ blockHash: transferReceipt.blockHash, address: tokenAddress });
  expectEqual(byBlockHash.length, 1, "logs by block hash");
  const viaContract = await token.queryFilter(token.filters.Transfer(alice.address, carol.address), deployBlock);
  expectEqual(viaContract.length, 2, "queryFilter(Transfer(alice, carol))");
  expectEqual(viaContract[1].args.value, 8n, "decoded value");
  return `${all.length} Transfer logs`;
});

await check("revert reason Error(string) from eth_call", async () => {
  // An address that never held tokens: burnAll refuses it with a reason string.
  const e = await expectRevert(
    token.connect(provider).burnAll.staticCall({ from: "0x000000000000000000000000000000000000dEaD" }),
    "Error",
    ["TestToken: nothing to burn"],
  );
  expectEqual(e.reason, "TestToken: nothing to burn", "reason");
  return e.reason;
});

await check("custom error from eth_call", async () => {
  const balance = await token.balanceOf(bob.address);
  const e = await expectRevert(
    token.connect(bobS).transfer.staticCall(carol.address, balance + 1n),
    "InsufficientBalance",
    [bob.address, balance, balance + 1n],
  );
  return `${e.revert.signature}`;
});

await check("revert reason from a failed eth_estimateGas", async () => {
  const e = await expectRevert(
    token.connect(bobS).approve.estimateGas("0x0000000000000000000000000000000000000000", 1n),
    "Error",
    ["TestToken: approve to the zero address"],
  );
  return e.reason;
});

await check("custom error from a failed eth_estimateGas", async () => {
  const e = await expectRevert(
    token.connect(carolS).transferFrom.estimateGas(alice.address, carol.address, 5n),
    "InsufficientAllowance",
    [carol.address, 0n, 5n],
  );
  return e.revert.signature;
});

await check("a reverted transaction is mined with status 0", async () => {
  // An explicit gas limit skips estimation, so the node must include the failing transaction.
  const tx = await token.connect(carolS).transfer(bob.address, 10n ** 30n, { gasLimit: 100_000n });
  let receipt;
  try {
    receipt = await tx.wait(1, 30_000);
  } catch (e) {
    expect(isCallException(e) && e.receipt, `expected a failed receipt, got ${e.shortMessage ?? e}`);
    receipt = e.receipt;
  }
  expectEqual(receipt.status, 0, "status");
  expectEqual(receipt.logs.length, 0, "logs of a reverted transaction");
  expect(receipt.gasUsed > 21_000n && receipt.gasUsed < 100_000n, `gasUsed ${receipt.gasUsed}`);
  return `gas ${receipt.gasUsed}`;
});

await check("WebSocket: raw eth_subscribe newHeads and eth_unsubscribe", async () => {
  const socket = new WebSocket(wsUrl);
  try {
    await withTimeout(new Promise((resolve, reject) => { socket.once("open", resolve); socket.once("error", reject); }), EVENT_TIMEOUT_MS, "connect");
    const messages = [];
    const waiters = [];
    socket.on("message", (data) => {
      const m = JSON.parse(data.toString());
      messages.push(m);
      waiters.splice(0).forEach((w) => w());
    });
    const next = (pred, what) =>
      withTimeout(
        new Promise((resolve) => {
          const look = () => {
            const m = messages.find(pred);
            if (m) resolve(m);
            else waiters.push(look);
          };
          look();
        }),
        EVENT_TIMEOUT_MS * 2,
        what,
      );
    socket.send(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_subscribe", params: ["newHeads"] }));
    const subscribed = await next((m) => m.id === 1, "eth_subscribe reply");
    expect(!subscribed.error, `eth_subscribe: ${JSON.stringify(subscribed.error)}`);
    const subId = subscribed.result;
    expect(typeof subId === "string" && HEX.test(subId), `subscription id ${subId}`);
    const sent = await (await token.connect(aliceS).transfer(bob.address, 1n)).wait(1, 30_000);
    const head = await next((m) => m.method === "eth_subscription" && m.params?.subscription === subId && BigInt(m.params.result.number) >= BigInt(sent.blockNumber), "newHeads notification");
    const h = head.params.result;
    expectFields(h, ["hash", "parentHash", "number", "timestamp", "gasLimit", "gasUsed", "logsBloom", "stateRoot", "miner", "baseFeePerGas"], "newHeads header");
    socket.send(JSON.stringify({ jsonrpc: "2.0", id: 2, method: "eth_unsubscribe", params: [subId] }));
    const unsubscribed = await next((m) => m.id === 2, "eth_unsubscribe reply");
    expectEqual(unsubscribed.result, true, "eth_unsubscribe result");
    return `head ${BigInt(h.number)}`;
  } finally {
    socket.terminate();
  }
});

await check("WebSocket: ethers receives newHeads and Transfer logs (eth_subscribe)", async () => {
  const ws = new WebSocketProvider(wsUrl, Network.from(chainId), PROVIDER_OPTIONS);
  try {
    const wsToken = new Contract(tokenAddress, artifact.abi, ws);
    const seenBlocks = new Set();
    let blockWaiter = () => {};
    let sawEvent;
    let sawFilteredLog;
    const gotEvent = new Promise((resolve) => { sawEvent = resolve; });
    const gotFilteredLog = new Promise((resolve) => { sawFilteredLog = resolve; });
    await ws.on("block", (n) => { seenBlocks.add(n); blockWaiter(); });
    // By event name (eth_subscribe logs with the address and topic 0): ethers decodes the arguments.
    await wsToken.on("Transfer", (from, to, value, payload) => {
      if (from === alice.address && to === carol.address && value === 42n) sawEvent(payload);
    });
    // By address and indexed topics (eth_subscribe logs with topics 1 and 2 set): the node does the filtering.
    const transferTopic = id("Transfer(address,address,uint256)");
    await ws.on({ address: tokenAddress, topics: [transferTopic, zeroPadValue(alice.address, 32), zeroPadValue(carol.address, 32)] }, (log) =>
      sawFilteredLog(log),
    );
    // ethers sends eth_subscribe without waiting for its answer; a round trip on the same socket makes sure
    // the node has registered the subscriptions before the transfer that must be reported.
    await ws.send("eth_chainId", []);
    const receipt = await (await token.connect(aliceS).transfer(carol.address, 42n)).wait(1, 30_000);
    const gotBlock = new Promise((resolve) => {
      blockWaiter = () => { if (seenBlocks.has(receipt.blockNumber)) resolve(receipt.blockNumber); };
      blockWaiter();
    });
    const [block, event, log] = await withTimeout(Promise.all([gotBlock, gotEvent, gotFilteredLog]), EVENT_TIMEOUT_MS * 2, "newHeads block, Transfer event and filtered log");
    expectEqual(block, receipt.blockNumber, "newHeads block number");
    expectEqual(event.log.transactionHash, receipt.hash, "Transfer event's transaction");
    expectEqual(log.transactionHash, receipt.hash, "filtered log's transaction");
    expectEqual(BigInt(log.data), 42n, "filtered log's value");
    return `block ${block}`;
  } finally {
    await ws.destroy();
  }
});

finish();
