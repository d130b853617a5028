// The park's exchange (IExchange at 0x…1003) end to end with ethers.js 6, against a running Parkchain node:
//
//   node exchange-e2e.mjs <httpUrl> [interfacesDir]
//
// ABIs come from compiling the park's interfaces (../shared/interfaces/*.sol, or interfacesDir) with solc for Cancun.
// The trading story: a platform operator's market where its clients trade (fees to the operator, 1% of them to the
// treasury through the registry's LevyPaid), an exchange office's counterparty market, the refusals
// (fill-or-kill, post-only, an unverified and a blocked trader, a non-office order resting in an office market), and
// a Solidity contract (exchange/ParkTrader.sol) that places and cancels orders for its users under the same rules.
// Then the gas of a resting order, a taker with 1 and with 10 fills, and a cancel, next to a simple Solidity order
// book (exchange/SimpleOrderBook.sol) doing the same on the same node. Prints one line per check and ends with
// `N passed, M failed`; exit status 0 only when nothing failed. Needs a fresh --dev chain.
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
  zeroPadValue,
  toBeHex,
} from "ethers";
import { compile } from "./compile.mjs";
import { check, expect, expectEqual, finish } from "./checks.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const [httpUrl, interfacesArg] = process.argv.slice(2);
if (!httpUrl || !/^https?:\/\//.test(httpUrl)) {
  console.error("usage: node exchange-e2e.mjs <http(s)://host:port> [interfacesDir]");
  process.exit(2);
}
const interfacesDir = interfacesArg ?? path.resolve(here, "..", "..", "shared", "interfaces");
if (!fs.existsSync(path.join(interfacesDir, "IExchange.sol"))) {
  console.error(`no IExchange.sol in ${interfacesDir}: give the interfaces folder as the second argument`);
  process.exit(2);
}


// ---- compile: the interfaces, the trader contract and the Solidity order book in one solc run ----
const sources = fs.mkdtempSync(path.join(os.tmpdir(), "exchange-sol-"));
for (const f of fs.readdirSync(interfacesDir).filter((f) => f.endsWith(".sol"))) {
  fs.copyFileSync(path.join(interfacesDir, f), path.join(sources, f));
}
for (const f of ["ParkTrader.sol", "SimpleOrderBook.sol"]) {
  fs.copyFileSync(path.join(here, "exchange", f), path.join(sources, f));
}
const sol = compile(sources).contracts;
fs.rmSync(sources, { recursive: true, force: true });
const erc20 = compile().contracts.TestToken;

const REGISTRY = "0x0000000000000000000000000000000000001000";
const FACTORY = "0x0000000000000000000000000000000000001001";
const EXCHANGE = "0x0000000000000000000000000000000000001003";
const TOKEN_ISSUER = 1n, PLATFORM_OPERATOR = 4n, EXCHANGE_OFFICE = 8n;
const QUALIFIED = 2, NON_QUALIFIED = 1;
const BUY = 0, SELL = 1, GTC = 0, IOC = 1, FOK = 2, POST = 3;
const coins = (n) => parseUnits(String(n), 18);
const tokens = coins;
const MAX = (1n << 256n) - 1n;

const provider = new JsonRpcProvider(httpUrl, Network.from(31337n), { staticNetwork: true, pollingInterval: 50, cacheTimeout: -1 });
const mnemonic = Mnemonic.fromPhrase(process.env.PARKCHAIN_MNEMONIC ?? "test test test test test test test test test test test junk");
const account = (i) => HDNodeWallet.fromMnemonic(mnemonic, `m/44'/60'/0'/0/${i}`).connect(provider);
const [board, labs, capital, korean, belarusian, blocked, office, stranger, fund] = [0, 1, 2, 3, 4, 5, 6, 7, 8].map(account);
const treasury = account(9).address;

const registry = new Contract(REGISTRY, sol.IParkRegistry.abi, provider);
const factory = new Contract(FACTORY, sol.ITokenFactory.abi, provider);
const exchange = new Contract(EXCHANGE, sol.IExchange.abi, provider);
const exchangeInterface = new Interface(sol.IExchange.abi);
const registryInterface = new Interface(sol.IParkRegistry.abi);

async function mined(txPromise) {
  const tx = await txPromise;
  const receipt = await tx.wait(1, 30_000);
  expectEqual(receipt.status, 1, "receipt status");
  return receipt;
}
async function boardDecides(target, iface, fn, args) {
  return mined(registry.connect(board).propose(target, iface.encodeFunctionData(fn, args)));
}
async function reasonOf(promise) {
  try {
    await promise;
  } catch (e) {
    expect(isCallException(e), `expected a call exception, got ${e.code}: ${e.message}`);
    return e.reason;
  }
  throw new Error("expected a revert");
}
function events(receipt, iface, name, address = EXCHANGE) {
  return receipt.logs.filter((l) => l.address.toLowerCase() === address.toLowerCase())
    .map((l) => iface.parseLog(l)).filter((p) => p?.name === name);
}
/** The lock a buy needs: notional plus the larger fee on it (decimals 18). */
function buyLock(price, amount, makerBps, takerBps) {
  const notional = (price * amount) / 10n ** 18n;
  const bps = makerBps > takerBps ? makerBps : takerBps;
  return notional + (notional * bps) / 10000n;
}
async function placed(receipt) {
  return events(receipt, exchangeInterface, "OrderPlaced")[0].args.orderId;
}

let msl;
let market;
let officeMarket;
const PRICE = coins("0.001");   // a whole MSL

await check("the exchange is at 0x…1003 with marker code, no markets yet", async () => {
  expectEqual((await provider.getNetwork()).chainId, 31337n, "chain id");
  expect((await provider.getCode(EXCHANGE)) !== "0x", "no code at the exchange");
  expectEqual(await exchange.marketCount(), 0n, "market count");
  expectEqual(await reasonOf(exchange.getMarket(1)), "exchange: no market 1", "getMarket(1)");
}, { fatal: true });

await check("residents, clients and MSL set up through the registry and the token factory", async () => {
  await mined(registry.connect(labs).applyForResidency("Minsk Software Labs", encodeBytes32String("190000001"), id("MSL")));
  await mined(registry.connect(capital).applyForResidency("Capital Token Organiser", encodeBytes32String("190000002"), id("CTO")));
  await mined(registry.connect(office).applyForResidency("Minsk Exchange Office", encodeBytes32String("190000003"), id("MEO")));
  await boardDecides(REGISTRY, registryInterface, "admitResident", [labs.address, TOKEN_ISSUER]);
  await boardDecides(REGISTRY, registryInterface, "admitResident", [capital.address, PLATFORM_OPERATOR]);
  await boardDecides(REGISTRY, registryInterface, "admitResident", [office.address, EXCHANGE_OFFICE]);
  const org = registry.connect(capital);
  await mined(org.registerClient(korean.address, QUALIFIED, true, "0x4b52", id("dossier KR"), 0));
  await mined(org.registerClient(belarusian.address, NON_QUALIFIED, false, "0x4259", id("dossier BY"), 0));
  const created = await mined(factory.connect(labs).createToken("Minsk Software Labs Token", "MSL", 18, tokens(10_000_000), 1, id("wp")));
  const tokenCreated = created.logs.map((l) => new Interface(sol.ITokenFactory.abi).parseLog(l)).find((p) => p?.name === "TokenCreated");
  msl = new Contract(tokenCreated.args.token, sol.IParkToken.abi, provider);
  for (const holder of [korean, belarusian, office]) {
    await mined(msl.connect(labs).mint(holder.address, tokens(100_000)));
    await mined(msl.connect(holder).approve(EXCHANGE, MAX));
  }
}, { fatal: true });

await check("the platform operator opens an MSL/coin market for its own clients; ids from 1", async () => {
  const r = await mined(exchange.connect(capital).createMarket(await msl.getAddress(), ZeroAddress, coins("0.000001"), tokens(1), 10, 20, false, true));
  const [created] = events(r, exchangeInterface, "MarketCreated");
  market = created.args.marketId;
  expectEqual(market, 1n, "market id");
  expectEqual(created.args.operator, capital.address, "operator");
  const m = await exchange.getMarket(market);
  expect(m.ownClientsOnly && !m.counterparty && !m.halted && m.takerFeeBps === 20n, "market fields");
  const reason = await reasonOf(exchange.connect(korean).createMarket.estimateGas(await msl.getAddress(), ZeroAddress, 1, 1, 0, 0, false, false));
  expectEqual(reason, "exchange: only an account of an active resident with role PLATFORM_OPERATOR can create an ordinary market", "refusal");
});

await check("the Korean company's ask rests; the Belarusian individual's bid trades at the maker's price", async () => {
  const ask = await mined(exchange.connect(korean).placeOrder(market, SELL, PRICE, tokens(10_000), GTC));
  const askId = await placed(ask);
  expectEqual((await exchange.openOrders(market, korean.address)).join(), String(askId), "open orders");
  const [prices, amounts] = await exchange.depth(market, SELL, 5);
  expect(prices[0] === PRICE && amounts[0] === tokens(10_000), "depth");
  const opBefore = await provider.getBalance(capital.address);
  const trBefore = await provider.getBalance(treasury);
  const bid = await mined(exchange.connect(belarusian).placeOrder(market, BUY, coins("0.0011"), tokens(4_000), GTC,
    { value: buyLock(coins("0.0011"), tokens(4_000), 10n, 20n) }));
  const [trade] = events(bid, exchangeInterface, "Trade");
  expectEqual(trade.args.price, PRICE, "trade price (the maker's)");
  expectEqual(trade.args.amount, tokens(4_000), "trade amount");
  expectEqual(trade.args.makerFee, coins("0.004"), "maker fee 0.1% of 4 coins");
  expectEqual(trade.args.takerFee, coins("0.008"), "taker fee 0.2%");
  const [levy] = events(bid, registryInterface, "LevyPaid", REGISTRY);
  expectEqual(levy.args.resident, capital.address, "LevyPaid resident");
  expectEqual(levy.args.revenue, coins("0.012"), "revenue = both fees");
  expectEqual(levy.args.levy, coins("0.00012"), "levy 1%");
  expectEqual(levy.args.source, zeroPadValue(EXCHANGE, 20) + toBeHex(market, 12).slice(2), "levy source");
  expectEqual((await provider.getBalance(capital.address)) - opBefore, coins("0.01188"), "operator's share");
  expectEqual((await provider.getBalance(treasury)) - trBefore, coins("0.00012"), "treasury's share");
  expectEqual(await msl.balanceOf(belarusian.address), tokens(104_000), "buyer's MSL");
  const closed = events(bid, exchangeInterface, "OrderClosed");
  expect(closed.length === 1 && closed[0].args.cancelled === false, "the filled bid closed, not cancelled");
  return `${bid.gasUsed} gas for a bid with one fill`;
});

await check("fill-or-kill and post-only are refused with the interface's reasons", async () => {
  expectEqual(await reasonOf(exchange.connect(belarusian).placeOrder.estimateGas(market, BUY, PRICE, tokens(7_000), FOK,
    { value: buyLock(PRICE, tokens(7_000), 10n, 20n) })), "exchange: fill-or-kill not filled", "FOK");
  expectEqual(await reasonOf(exchange.connect(belarusian).placeOrder.estimateGas(market, BUY, PRICE, tokens(1), POST,
    { value: buyLock(PRICE, tokens(1), 10n, 20n) })), "exchange: post-only would trade", "PostOnly");
});

await check("an unverified trader, another platform's market rules and a blocked trader are refused", async () => {
  const unverified = await reasonOf(exchange.connect(stranger).placeOrder.estimateGas(market, BUY, PRICE, tokens(1), GTC,
    { value: buyLock(PRICE, tokens(1), 10n, 20n) }));
  expectEqual(unverified, `exchange: trader ${stranger.address} is not verified`, "unverified");
  await boardDecides(REGISTRY, registryInterface, "blockAddress", [belarusian.address, id("court order")]);
  const reason = await reasonOf(exchange.connect(belarusian).placeOrder.estimateGas(market, BUY, PRICE, tokens(1), GTC,
    { value: buyLock(PRICE, tokens(1), 10n, 20n) }));
  expectEqual(reason, `exchange: trader ${belarusian.address} is blocked`, "blocked");
  await boardDecides(REGISTRY, registryInterface, "unblockAddress", [belarusian.address]);
  return reason;
});

await check("the exchange office quotes in its counterparty market; a client takes the quote; others cannot rest", async () => {
  const r = await mined(exchange.connect(office).createMarket(await msl.getAddress(), ZeroAddress, coins("0.000001"), tokens(1), 0, 50, true, false));
  officeMarket = events(r, exchangeInterface, "MarketCreated")[0].args.marketId;
  const quote = await mined(exchange.connect(office).placeOrder(officeMarket, SELL, coins("0.0012"), tokens(20_000), GTC));
  const quoteId = await placed(quote);
  const refusal = await reasonOf(exchange.connect(korean).placeOrder.estimateGas(officeMarket, SELL, coins("0.0013"), tokens(1), GTC));
  expect(refusal.startsWith("exchange: only the exchange office's own accounts rest orders"), refusal);
  const taken = await mined(exchange.connect(korean).placeOrder(officeMarket, BUY, coins("0.0012"), tokens(5_000), IOC,
    { value: buyLock(coins("0.0012"), tokens(5_000), 0n, 50n) }));
  const [trade] = events(taken, exchangeInterface, "Trade");
  expectEqual(trade.args.seller, office.address, "the office is the counterparty");
  expectEqual(trade.args.takerFee, coins("0.03"), "taker fee 0.5% of 6 coins");
  expectEqual((await exchange.getOrder(quoteId)).filled, tokens(5_000), "the quote keeps its place, partly filled");
});

let trader;
await check("a Solidity contract trades for its users under the same rules", async () => {
  const f = new ContractFactory(sol.ParkTrader.abi, sol.ParkTrader.bytecode, fund);
  trader = await f.deploy();
  await trader.deploymentTransaction().wait(1, 30_000);
  const traderAddress = await trader.getAddress();
  const lock = buyLock(coins("0.0009"), tokens(1_000), 10n, 20n);
  const unverified = await reasonOf(trader.connect(korean).buy.estimateGas(market, coins("0.0009"), tokens(1_000), GTC, { value: lock }));
  expectEqual(unverified, `exchange: trader ${traderAddress} is not verified`, "an unidentified contract");
  await mined(registry.connect(capital).registerClient(traderAddress, QUALIFIED, true, "0x4b52", id("dossier trader"), 0));
  const r = await mined(trader.connect(korean).buy(market, coins("0.0009"), tokens(1_000), GTC, { value: lock + coins(1) }));
  const orderId = await placed(r);
  expectEqual((await exchange.getOrder(orderId)).trader, traderAddress, "the contract is the trader");
  expectEqual((await exchange.openOrders(market, traderAddress)).join(), String(orderId), "its open orders");
  expectEqual(await trader.owed(korean.address), coins(1), "the excess came back to the contract at once, booked to the user");
  const notYours = await trader.connect(belarusian).cancel.estimateGas(orderId).then(() => null, (e) => e);
  expect(notYours !== null, "another user's cancel through the contract should revert");
  const data = notYours.data ?? notYours.info?.error?.data;
  expectEqual(data ? trader.interface.parseError(data)?.name : String(notYours.message), "NotYourOrder", "its custom error");
  const direct = await reasonOf(exchange.connect(korean).cancelOrder.estimateGas(orderId));
  expectEqual(direct, "exchange: only the order's trader can cancel it (the operator or the board too while the market is halted)", "direct cancel");
  await mined(trader.connect(korean).cancel(orderId));
  expectEqual(await trader.owed(korean.address), coins(1) + lock, "the lock came back to the contract without running its code");
  expectEqual((await exchange.getOrder(orderId)).open, false, "closed");
  await mined(trader.connect(korean).withdraw());
  expectEqual(await provider.getBalance(traderAddress), 0n, "nothing left in the contract");
});

// ---- gas: the native exchange next to a Solidity order book on the same node ----
const gas = { native: {}, solidity: {} };
await check("gas of a resting order, a taker with 1 and 10 fills, and a cancel: native and Solidity", async () => {
  // Native: a fresh market with no maker fee and a 0.2% taker fee, as the Solidity book charges.
  const r = await mined(exchange.connect(capital).createMarket(await msl.getAddress(), ZeroAddress, coins("0.000001"), tokens(1), 0, 20, false, false));
  const m = events(r, exchangeInterface, "MarketCreated")[0].args.marketId;
  const sell = (price, amount) => mined(exchange.connect(korean).placeOrder(m, SELL, price, amount, GTC));
  const buy = (price, amount) => mined(exchange.connect(belarusian).placeOrder(m, BUY, price, amount, GTC,
    { value: buyLock(price, amount, 0n, 20n) }));
  await sell(coins("0.002"), tokens(10));   // warm the market's slots
  gas.native.resting = (await sell(coins("0.0021"), tokens(10))).gasUsed;
  gas.native.cancel = (await mined(exchange.connect(korean).cancelOrder(await placed(await sell(coins("0.0022"), tokens(10)))))).gasUsed;
  await sell(coins("0.001"), tokens(10));
  gas.native.taker1 = (await buy(coins("0.001"), tokens(10))).gasUsed;
  for (let i = 0; i < 10; i++) await sell(coins("0.001"), tokens(1));
  gas.native.taker10 = (await buy(coins("0.001"), tokens(10))).gasUsed;

  // Solidity: an ERC-20 base, the book deployed by the operator.
  const token = await new ContractFactory(erc20.abi, erc20.bytecode, fund).deploy("Base", "BASE", tokens(1_000_000));
  await token.deploymentTransaction().wait(1, 30_000);
  const book = await new ContractFactory(sol.SimpleOrderBook.abi, sol.SimpleOrderBook.bytecode, capital).deploy(await token.getAddress());
  await book.deploymentTransaction().wait(1, 30_000);
  await mined(token.transfer(korean.address, tokens(100_000)));
  await mined(token.connect(korean).approve(await book.getAddress(), MAX));
  const bookOrders = new Interface(sol.SimpleOrderBook.abi);
  const sSell = (price, amount) => mined(book.connect(korean).place(false, price, amount));
  const sBuy = (price, amount) => mined(book.connect(belarusian).place(true, price, amount, { value: buyLock(price, amount, 0n, 20n) }));
  await sSell(coins("0.002"), tokens(10));
  gas.solidity.resting = (await sSell(coins("0.0021"), tokens(10))).gasUsed;
  await sSell(coins("0.0022"), tokens(10));
  gas.solidity.cancel = (await mined(book.connect(korean).cancel(await book.orderCount()))).gasUsed;
  await sSell(coins("0.001"), tokens(10));
  const one = await sBuy(coins("0.001"), tokens(10));
  expectEqual(one.logs.map((l) => bookOrders.parseLog(l)).filter((p) => p?.name === "Trade").length, 1, "one fill");
  gas.solidity.taker1 = one.gasUsed;
  for (let i = 0; i < 10; i++) await sSell(coins("0.001"), tokens(1));
  const ten = await sBuy(coins("0.001"), tokens(10));
  expectEqual(ten.logs.map((l) => bookOrders.parseLog(l)).filter((p) => p?.name === "Trade").length, 10, "ten fills");
  gas.solidity.taker10 = ten.gasUsed;
  return ["resting", "taker1", "taker10", "cancel"].map((k) => `${k} native ${gas.native[k]} / Solidity ${gas.solidity[k]}`).join("; ");
});

console.log(`gas (receipt gasUsed, same node): resting placeOrder native ${gas.native.resting}, Solidity ${gas.solidity.resting}; `
  + `taker with 1 fill native ${gas.native.taker1}, Solidity ${gas.solidity.taker1}; `
  + `taker with 10 fills native ${gas.native.taker10}, Solidity ${gas.solidity.taker10}; `
  + `cancel native ${gas.native.cancel}, Solidity ${gas.solidity.cancel}`);
finish();
