// The park's story end to end with ethers.js 6, against a running Parkchain node:
//
//   node park-e2e.mjs <httpUrl> [interfacesDir]
//
// ABIs come from compiling the park's interfaces (../shared/interfaces/*.sol, or interfacesDir) with solc for
// Cancun; a Solidity contract (park/ParkInvestor.sol) subscribes to an offering, claims, holds and moves park
// tokens and calls the registry. The board, residents and investors are the dev accounts of the test mnemonic
// (account 0 the board, 9 the treasury). Prints one line per check, the gas figures, and ends with
// `N passed, M failed`; exit status 0 only when nothing failed. Needs a fresh --dev chain (it creates the residents).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  Contract,
  ContractFactory,
  HDNodeWallet,
  Interface,
  JsonRpcProvider,
  Mnemonic,
  Network,
  ZeroAddress,
  encodeBytes32String,
  id,
  isCallException,
  parseUnits,
} from "ethers";
import { compile } from "./compile.mjs";
import { check, expect, expectEqual, finish } from "./checks.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const [httpUrl, interfacesArg] = process.argv.slice(2);
if (!httpUrl || !/^https?:\/\//.test(httpUrl)) {
  console.error("usage: node park-e2e.mjs <http(s)://host:port> [interfacesDir]");
  process.exit(2);
}
const interfacesDir = interfacesArg ?? path.resolve(here, "..", "..", "shared", "interfaces");
if (!fs.existsSync(path.join(interfacesDir, "IParkRegistry.sol"))) {
  console.error(`no IParkRegistry.sol in ${interfacesDir}: give the interfaces folder as the second argument`);
  process.exit(2);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- compile: the interfaces and the investor contract in one solc run (standard JSON, cancun) ----
const sources = fs.mkdtempSync(path.join(os.tmpdir(), "park-sol-"));
for (const f of fs.readdirSync(interfacesDir).filter((f) => f.endsWith(".sol"))) {
  fs.copyFileSync(path.join(interfacesDir, f), path.join(sources, f));
}
fs.copyFileSync(path.join(here, "park", "ParkInvestor.sol"), path.join(sources, "ParkInvestor.sol"));
const park = compile(sources).contracts;
fs.rmSync(sources, { recursive: true, force: true });
const erc20 = compile().contracts.TestToken;

const REGISTRY = "0x0000000000000000000000000000000000001000";
const FACTORY = "0x0000000000000000000000000000000000001001";
const OFFERINGS = "0x0000000000000000000000000000000000001002";
const TOKEN_ISSUER = 1n, ICO_ORGANISER = 2n, PLATFORM_OPERATOR = 4n;
const NON_QUALIFIED = 1, QUALIFIED = 2;
const coins = (n) => parseUnits(String(n), 18);
const tokens = coins;

const provider = new JsonRpcProvider(httpUrl, Network.from(31337n), { staticNetwork: true, pollingInterval: 50, cacheTimeout: -1 });
const mnemonic = Mnemonic.fromPhrase(process.env.PARKCHAIN_MNEMONIC ?? "test test test test test test test test test test test junk");
const account = (i) => HDNodeWallet.fromMnemonic(mnemonic, `m/44'/60'/0'/0/${i}`).connect(provider);
const [board, labs, capital, korean, belarusian, blocked, fund] = [0, 1, 2, 3, 4, 5, 6].map(account);
const treasury = account(9).address;

const registry = new Contract(REGISTRY, park.IParkRegistry.abi, provider);
const factory = new Contract(FACTORY, park.ITokenFactory.abi, provider);
const offerings = new Contract(OFFERINGS, park.IOfferings.abi, provider);
const tokenAbi = park.IParkToken.abi;
const registryInterface = new Interface(park.IParkRegistry.abi);

/** Sends and waits; a revert fails with the receipt. */
async function mined(txPromise) {
  const tx = await txPromise;
  const receipt = await tx.wait(1, 30_000);
  expectEqual(receipt.status, 1, "receipt status");
  return receipt;
}
/** The board decides: with threshold 1 the proposal executes as it is made. */
async function boardDecides(target, iface, fn, args) {
  return mined(registry.connect(board).propose(target, iface.encodeFunctionData(fn, args)));
}
/** Sends with a fixed gas limit (no estimate), expects the transaction mined and reverted; returns the receipt. */
async function refusedOnChain(contract, signer, fn, args, overrides = {}) {
  const tx = await contract.connect(signer)[fn](...args, { gasLimit: 300_000n, ...overrides });
  try {
    await tx.wait(1, 30_000);
  } catch (e) {
    expect(isCallException(e), `expected a reverted receipt, got ${e.code}`);
    expectEqual(e.receipt.status, 0, "receipt status");
    return e.receipt;
  }
  throw new Error(`${fn} should have been refused but succeeded`);
}
/** The revert reason ethers decodes from eth_call / eth_estimateGas. */
async function reasonOf(promise) {
  try {
    await promise;
  } catch (e) {
    expect(isCallException(e), `expected a call exception, got ${e.code}: ${e.message}`);
    return e.reason;
  }
  throw new Error("expected a revert");
}
/** Waits until the next block's timestamp (wall clock, or the head's + 1) reaches `time`. */
async function waitForLedgerTime(time) {
  for (;;) {
    const head = await provider.getBlock("latest");
    if (Math.max(Math.floor(Date.now() / 1000), head.timestamp + 1) >= time) return;
    await sleep(200);
  }
}

let investor;
let msl;
let offeringId;
let finalizeReceipt;
let parkTransferGas;
let erc20TransferGas;

await check("chain 31337 with the park's system contracts (marker code at 0x…1000–1002)", async () => {
  expectEqual((await provider.getNetwork()).chainId, 31337n, "chain id");
  for (const a of [REGISTRY, FACTORY, OFFERINGS]) expect((await provider.getCode(a)) !== "0x", `no code at ${a}`);
  expectEqual(await registry.threshold(), 1n, "threshold");
  expectEqual((await registry.boardMembers()).join(), board.address, "board");
  expectEqual(await registry.treasury(), treasury, "treasury");
  expectEqual(await registry.levyRateBps(), 100n, "levy rate");
}, { fatal: true });

await check("residents apply and the board admits them by proposal", async () => {
  await mined(registry.connect(labs).applyForResidency("Minsk Software Labs", encodeBytes32String("190000001"), id("MSL project")));
  await mined(registry.connect(capital).applyForResidency("Capital Token Organiser", encodeBytes32String("190000002"), id("CTO project")));
  const r = await boardDecides(REGISTRY, registryInterface, "admitResident", [labs.address, TOKEN_ISSUER]);
  const executed = r.logs.map((l) => registryInterface.parseLog(l)).filter((p) => p?.name === "ProposalExecuted");
  expectEqual(executed.length, 1, "ProposalExecuted events");
  await boardDecides(REGISTRY, registryInterface, "admitResident", [capital.address, ICO_ORGANISER | PLATFORM_OPERATOR]);
  const resident = await registry.getResident(labs.address);
  expectEqual(resident.status, 2n, "status Resident");
  expectEqual(resident.name, "Minsk Software Labs", "name");
  expect(await registry.hasRole(capital.address, ICO_ORGANISER), "organiser lacks ICO_ORGANISER");
}, { fatal: true });

await check("a direct call of a board-only function is refused with a reason", async () => {
  const reason = await reasonOf(registry.connect(labs).admitResident.estimateGas(labs.address, 15n));
  expect(/board/.test(reason), `reason: ${reason}`);
  return reason;
});

await check("deploy the Solidity ParkInvestor contract", async () => {
  const f = new ContractFactory(park.ParkInvestor.abi, park.ParkInvestor.bytecode, fund);
  investor = await f.deploy();
  await investor.deploymentTransaction().wait(1, 30_000);
  const [verified] = await investor.standing();
  expectEqual(verified, false, "verified before identification");
  return await investor.getAddress();
}, { fatal: true });

await check("the organiser identifies the investors (KR qualified, BY non-qualified, the contract qualified)", async () => {
  const org = registry.connect(capital);
  await mined(org.registerClient(korean.address, QUALIFIED, true, "0x4b52", id("dossier KR"), 0));
  await mined(org.registerClient(belarusian.address, NON_QUALIFIED, false, "0x4259", id("dossier BY"), 0));
  await mined(org.registerClient(await investor.getAddress(), QUALIFIED, true, "0x4b52", id("dossier fund"), 0));
  const client = await registry.getClient(belarusian.address);
  expectEqual(client.category, 1n, "category NonQualified");
  expectEqual(client.country, "0x4259", "country BY");
  const [verified, isBlocked, rate, t] = await investor.standing();
  expect(verified && !isBlocked && rate === 100n && t === treasury, "the contract's view of the registry");
}, { fatal: true });

await check("Minsk Software Labs creates MSL (TokenCreated, an ERC-20 at its own address)", async () => {
  const r = await mined(factory.connect(labs).createToken("Minsk Software Labs Token", "MSL", 18, tokens(10_000_000), 1, id("MSL white paper")));
  const created = r.logs.map((l) => factory.interface.parseLog(l)).find((p) => p?.name === "TokenCreated");
  msl = new Contract(created.args.token, tokenAbi, provider);
  expectEqual(await msl.symbol(), "MSL", "symbol");
  expectEqual(await msl.cap(), tokens(10_000_000), "cap");
  expectEqual(await factory.issuerOf(created.args.token), labs.address, "issuerOf");
  return created.args.token;
}, { fatal: true });

let start;
let end;
await check("an offering is created and approved by the organiser", async () => {
  const head = await provider.getBlock("latest");
  start = Math.max(head.timestamp, Math.floor(Date.now() / 1000)) + 3;
  end = start + 10; // four transactions (three subscriptions, the refused one) must land before it, even on a busy machine
  const r = await mined(offerings.connect(labs).createOffering(await msl.getAddress(), capital.address, ZeroAddress,
    coins("0.001"), tokens(1_000_000), tokens(5_000_000), start, end, coins(100), id("MSL white paper")));
  offeringId = r.logs.map((l) => offerings.interface.parseLog(l)).find((p) => p?.name === "OfferingCreated").args.offeringId;
  await mined(offerings.connect(capital).approveOffering(offeringId));
  const o = await offerings.getOffering(offeringId);
  expectEqual(o.state, 1n, "state Approved");
  expectEqual(o.hardCap, tokens(5_000_000), "hard cap");
  return `offering #${offeringId}`;
}, { fatal: true });

await check("investors subscribe once it opens: a person, a company and a contract", async () => {
  await waitForLedgerTime(start);
  const gas = {}; // estimated by the node for the next block, which falls inside the offering's window
  await mined(offerings.connect(korean).subscribe(offeringId, tokens(1_000_000), { value: coins(1_000), ...gas }));
  await mined(offerings.connect(belarusian).subscribe(offeringId, tokens(100_000), { value: coins(100), ...gas }));
  await mined(investor.connect(fund).subscribe(offeringId, tokens(400_000), { value: coins(400), ...gas }));
  const [amount, paid] = await offerings.subscriptionOf(offeringId, await investor.getAddress());
  expectEqual(amount, tokens(400_000), "the contract's subscription");
  expectEqual(paid, coins(400), "the contract's payment");
}, { fatal: true });

await check("one coin above the non-qualified limit is refused (eth_estimateGas reason and a mined revert)", async () => {
  const reason = await reasonOf(offerings.connect(belarusian).subscribe.estimateGas(offeringId, tokens(1_000), { value: coins(1) }));
  expectEqual(reason, "offering: non-qualified limit exceeded", "reason");
  const receipt = await refusedOnChain(offerings, belarusian, "subscribe", [offeringId, tokens(1_000)], { value: coins(1) });
  return `${reason}; tx ${receipt.hash}`;
});

await check("finalize after the end: 99% to the issuer, exactly 1% to the treasury, LevyPaid from the registry", async () => {
  await waitForLedgerTime(end);
  const labsBefore = await provider.getBalance(labs.address);
  const treasuryBefore = await provider.getBalance(treasury);
  finalizeReceipt = await mined(offerings.connect(korean).finalize(offeringId));
  const levyPaid = finalizeReceipt.logs.filter((l) => l.address === REGISTRY).map((l) => registryInterface.parseLog(l))
    .filter((p) => p?.name === "LevyPaid");
  expectEqual(levyPaid.length, 1, "LevyPaid events");
  expectEqual(levyPaid[0].args.resident, labs.address, "resident");
  expectEqual(levyPaid[0].args.asset, ZeroAddress, "asset");
  expectEqual(levyPaid[0].args.revenue, coins(1_500), "revenue");
  expectEqual(levyPaid[0].args.levy, coins(15), "levy");
  expectEqual((await provider.getBalance(treasury)) - treasuryBefore, coins(15), "treasury received");
  expectEqual((await provider.getBalance(labs.address)) - labsBefore, coins(1_485), "issuer received");
  expectEqual(await registry.levyPaid(labs.address, ZeroAddress), coins(15), "levyPaid()");
  expectEqual((await offerings.getOffering(offeringId)).state, 2n, "state Succeeded");
  const logs = await registry.queryFilter(registry.filters.LevyPaid(labs.address), 0, "latest");
  expectEqual(logs.length, 1, "eth_getLogs LevyPaid by resident");
  return "levy 15 coins";
}, { fatal: true });

await check("claims mint the tokens: to the investors and to the contract", async () => {
  await mined(offerings.connect(korean).claim(offeringId));
  await mined(offerings.connect(belarusian).claim(offeringId));
  await mined(investor.connect(fund).claim(offeringId));
  expectEqual(await msl.balanceOf(korean.address), tokens(1_000_000), "KR balance");
  expectEqual(await investor.holdings(await msl.getAddress()), tokens(400_000), "contract balance");
  expectEqual(await msl.totalSupply(), tokens(1_500_000), "total supply");
  const again = await reasonOf(offerings.connect(korean).claim.estimateGas(offeringId));
  expect(/claim/.test(again), `second claim reason: ${again}`);
});

await check("park-token transfers: a person's, and the contract's own", async () => {
  const r = await mined(msl.connect(korean).transfer(belarusian.address, tokens(50_000)));
  parkTransferGas = r.gasUsed;
  const t = r.logs.map((l) => msl.interface.parseLog(l)).find((p) => p?.name === "Transfer");
  expectEqual(t.args.value, tokens(50_000), "Transfer value");
  await mined(investor.connect(fund).pay(await msl.getAddress(), belarusian.address, tokens(10_000)));
  expectEqual(await msl.balanceOf(belarusian.address), tokens(160_000), "BY balance");
  const transfers = await msl.queryFilter(msl.filters.Transfer(null, belarusian.address), 0, "latest");
  expectEqual(transfers.length, 3, "Transfer logs to BY (claim, two transfers)");
  return `park-token transfer to an existing holder: ${parkTransferGas} gas`;
});

let parkNewHolderGas;
let erc20NewHolderGas;
await check("a Solidity ERC-20 (clients/contracts/TestToken.sol) moved the same way on the same node costs no less", async () => {
  const token = await new ContractFactory(erc20.abi, erc20.bytecode, korean).deploy("Reference ERC-20", "REF", tokens(10_000_000));
  await token.deploymentTransaction().wait(1, 30_000);
  await mined(token.transfer(belarusian.address, tokens(100_000))); // the recipient becomes an existing holder
  erc20TransferGas = (await mined(token.transfer(belarusian.address, tokens(50_000)))).gasUsed;
  // To a holder with no balance yet (a new storage slot): a fresh, identified account for the park token.
  const newcomer = account(7);
  await mined(registry.connect(capital).registerClient(newcomer.address, QUALIFIED, false, "0x4b52", id("dossier 7"), 0));
  parkNewHolderGas = (await mined(msl.connect(korean).transfer(newcomer.address, tokens(50_000)))).gasUsed;
  erc20NewHolderGas = (await mined(token.transfer(newcomer.address, tokens(50_000)))).gasUsed;
  expect(parkTransferGas <= erc20TransferGas, `to a holder: park token ${parkTransferGas} > ERC-20 ${erc20TransferGas}`);
  expect(parkNewHolderGas <= erc20NewHolderGas, `to a new holder: park token ${parkNewHolderGas} > ERC-20 ${erc20NewHolderGas}`);
  return `to a holder: park ${parkTransferGas} vs ERC-20 ${erc20TransferGas}; to a new holder: park ${parkNewHolderGas} vs ERC-20 ${erc20NewHolderGas}`;
});

await check("the board blocks an address; transfers to it are refused, from a person and from a contract", async () => {
  await boardDecides(REGISTRY, registryInterface, "blockAddress", [blocked.address, id("AML order 7")]);
  expect(await registry.isBlocked(blocked.address), "not blocked");
  const reason = await reasonOf(msl.connect(korean).transfer.estimateGas(blocked.address, tokens(1)));
  expectEqual(reason, "token: transfer to a blocked address", "reason");
  await refusedOnChain(msl, korean, "transfer", [blocked.address, tokens(1)]);
  const [ok, why] = await investor.connect(fund).tryPay.staticCall(await msl.getAddress(), blocked.address, tokens(1));
  expectEqual(ok, false, "contract transfer ok");
  expectEqual(why, "token: transfer to a blocked address", "reason seen by the contract");
  expectEqual(await msl.balanceOf(blocked.address), 0n, "blocked balance");
  return reason;
});

await check("a contract calling a board-only registry function is refused", async () => {
  const why = await investor.tryToBlock.staticCall(korean.address);
  expect(why.length > 0 && /board/.test(why), `reason: ${why}`);
  return why;
});

await check("the park views over HTTP agree (/api/park/levy)", async () => {
  const res = await fetch(new URL("/api/park/levy", httpUrl));
  expectEqual(res.status, 200, "HTTP status");
  const levy = await res.json();
  expectEqual(levy.payments.length, 1, "payments");
  expectEqual(levy.payments[0].levy, coins(15).toString(), "levy");
  expectEqual(levy.payments[0].transactionHash, finalizeReceipt.hash, "transaction");
});

console.log(`gas (receipt gasUsed, 50,000 tokens of 18 decimals, same node): to an existing holder park token ${parkTransferGas}, `
  + `Solidity ERC-20 ${erc20TransferGas}; to a new holder park token ${parkNewHolderGas}, Solidity ERC-20 ${erc20NewHolderGas}`);
finish();
