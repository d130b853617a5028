// Today's toolchain against a node: ethers.js 6 and solc with its default settings (evmVersion osaka).
//
//   node osaka-e2e.mjs http://127.0.0.1:8545
//
// Checks that the node runs Osaka (eth_config), that a contract using CLZ from inline assembly deploys and answers,
// that an account can delegate to a smart-wallet contract with an EIP-7702 (type 4) transaction and then be called as
// one, that P256VERIFY (0x100) accepts a secp256r1 signature made by Node's crypto and refuses a tampered one, and that
// a halt is reported by its name. One line per check, then `N passed, M failed`; exit status 0 only when none failed.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ethers } from "ethers";
import solc from "solc";

const here = path.dirname(fileURLToPath(import.meta.url));
const url = process.argv[2] ?? "http://127.0.0.1:8545";
const MNEMONIC = process.env.PARKCHAIN_MNEMONIC ?? "test test test test test test test test test test test junk";
const provider = new ethers.JsonRpcProvider(url, undefined, { polling: true, pollingInterval: 50 });
const account = (i) => ethers.HDNodeWallet.fromPhrase(MNEMONIC, undefined, `m/44'/60'/0'/0/${i}`).connect(provider);

let passed = 0, failed = 0;
async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e?.shortMessage ?? e?.message ?? e}`);
  }
}
function expect(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}

/** Compiles osaka/*.sol with solc's default EVM version (no evmVersion given: osaka since solc 0.8.31). */
function compile() {
  const file = "OsakaFeatures.sol";
  const input = {
    language: "Solidity",
    sources: { [file]: { content: fs.readFileSync(path.join(here, "osaka", file), "utf8") } },
    settings: { outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "metadata"] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  const out = {};
  for (const [name, c] of Object.entries(output.contracts[file])) {
    out[name] = { abi: c.abi, bytecode: "0x" + c.evm.bytecode.object, evmVersion: JSON.parse(c.metadata).settings.evmVersion };
  }
  return out;
}

async function deploy(artifact, signer) {
  const contract = await new ethers.ContractFactory(artifact.abi, artifact.bytecode, signer).deploy();
  await contract.waitForDeployment();
  return contract;
}

async function main() {
  // ethers caches identical requests for 250 ms, too long for a chain that mines at once: count nonces locally.
  const deployer = new ethers.NonceManager(account(4));
  const sponsor = new ethers.NonceManager(account(5));
  const eoa = account(6);
  const contracts = compile();
  let bits, wallet, p256;

  await check("eth_config says the node runs Osaka, with P256VERIFY at 0x100", async () => {
    const config = await provider.send("eth_config", []);
    expect(config.current.name, "Osaka", "current fork");
    expect(config.current.precompiles.P256VERIFY, "0x0000000000000000000000000000000000000100", "P256VERIFY");
  });
  await check("solc's default EVM version is osaka", async () => {
    expect(contracts.Bits.evmVersion, "osaka", "evmVersion");
  });
  await check("a contract using clz deploys and counts leading zeros", async () => {
    bits = await deploy(contracts.Bits, deployer);
    expect(await bits.leadingZeros(0n), 256n, "clz(0)");
    expect(await bits.leadingZeros(1n), 255n, "clz(1)");
    expect(await bits.leadingZeros(1n << 255n), 0n, "clz(2^255)");
    expect(await bits.leadingZeros((1n << 200n) + 12345n), 55n, "clz(2^200 + 12345)");
  });
  await check("a type-4 transaction delegates an account to the smart wallet and calls it", async () => {
    wallet = await deploy(contracts.SmartWallet, deployer);
    const walletAddress = await wallet.getAddress();
    const auth = await eoa.authorize({ address: walletAddress, nonce: await provider.getTransactionCount(eoa.address), chainId: (await provider.getNetwork()).chainId });
    const asWallet = new ethers.Contract(eoa.address, contracts.SmartWallet.abi, sponsor);
    const tx = await sponsor.sendTransaction({
      type: 4, to: eoa.address, authorizationList: [auth], data: asWallet.interface.encodeFunctionData("ping"),
    });
    const receipt = await tx.wait();
    expect(receipt.status, 1, "receipt status");
    expect(receipt.type, 4, "receipt type");
    expect((await provider.getCode(eoa.address)).toLowerCase(), "0xef0100" + walletAddress.slice(2).toLowerCase(), "the account's code");
    const mined = await provider.getTransaction(tx.hash);
    expect(mined.type, 4, "transaction type");
    expect(mined.authorizationList?.length, 1, "authorizations");
    expect(mined.authorizationList[0].address.toLowerCase(), walletAddress.toLowerCase(), "authorized address");
    const pinged = asWallet.interface.parseLog(receipt.logs[0]);
    expect(pinged.args.self, eoa.address, "the wallet's code ran as the account");
  });
  await check("the delegated account is then called like a contract, keeping its own storage", async () => {
    const asWallet = new ethers.Contract(eoa.address, contracts.SmartWallet.abi, sponsor);
    const before = await asWallet.count();
    const receipt = await (await asWallet.ping()).wait();
    expect(receipt.status, 1, "receipt status");
    expect(await asWallet.count(), before + 1n, "the account's count");
    expect(await wallet.count(), 0n, "the wallet contract's own count");
  });
  await check("P256VERIFY accepts a secp256r1 signature and refuses a tampered one", async () => {
    p256 = await deploy(contracts.P256Check, deployer);
    const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    const message = Buffer.from("a park resident's passkey signs this");
    const hash = "0x" + crypto.createHash("sha256").update(message).digest("hex");
    const sig = crypto.sign("sha256", message, { key: privateKey, dsaEncoding: "ieee-p1363" });
    const jwk = publicKey.export({ format: "jwk" });
    const x = "0x" + Buffer.from(jwk.x, "base64url").toString("hex");
    const y = "0x" + Buffer.from(jwk.y, "base64url").toString("hex");
    const r = "0x" + sig.subarray(0, 32).toString("hex");
    const s = "0x" + sig.subarray(32).toString("hex");
    expect(await p256.verify(hash, r, s, x, y), true, "valid signature");
    const tampered = ethers.toBeHex(BigInt(hash) ^ 1n, 32);
    expect(await p256.verify(tampered, r, s, x, y), false, "tampered hash");
  });
  await check("a halt is reported by name: invalid opcode: 0xfe", async () => {
    // init code PUSH1 0xfe PUSH0 MSTORE8 PUSH1 1 PUSH0 RETURN deploys the one-byte code 0xfe (INVALID)
    const receipt = await (await deployer.sendTransaction({ data: "0x60fe5f5360015ff3" })).wait();
    try {
      await provider.call({ to: receipt.contractAddress, data: "0x" });
      throw new Error("the call succeeded");
    } catch (e) {
      const message = e?.info?.error?.message ?? e?.error?.message ?? e?.message ?? "";
      if (!message.includes("invalid opcode: 0xfe")) throw new Error(`error was: ${message}`);
    }
  });

  console.log(`${passed} passed, ${failed} failed`);
  provider.destroy();
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
