// Hardhat's test helpers and the park's SDK against `parkchain node --dev`: a fixture that admits a resident and
// creates its token (loadFixture restores it by snapshot for every test), time travel, mining, balances, and the same
// registry read through viem with the SDK's `as const` ABI.
const assert = require("node:assert/strict");
const { ethers, network } = require("hardhat");
const helpers = require("@nomicfoundation/hardhat-network-helpers");

const TOKEN_ISSUER = 1n;

describe("the park with Hardhat's helpers", function () {
  let sdk;
  before(async function () {
    sdk = await import("@parkchain/sdk");
  });

  async function admittedIssuerWithToken() {
    const [board, , , , , , issuer] = await ethers.getSigners();
    const registry = new ethers.Contract(sdk.parkAddresses.registry, sdk.parkRegistryAbi, board);
    const factory = new ethers.Contract(sdk.parkAddresses.tokenFactory, sdk.tokenFactoryAbi, issuer);
    await (await registry.connect(issuer).applyForResidency("Hardhat Labs", ethers.encodeBytes32String("HH-1"),
      ethers.id("plan"))).wait();
    const call = registry.interface.encodeFunctionData("admitResident", [issuer.address, TOKEN_ISSUER]);
    await (await registry.propose(sdk.parkAddresses.registry, call)).wait();
    const receipt = await (await factory.createToken("Hardhat Labs Token", "HHL", 18, ethers.parseEther("1000000"), 1,
      ethers.id("white paper"))).wait();
    const created = receipt.logs.map((l) => factory.interface.parseLog(l)).find((p) => p?.name === "TokenCreated");
    const token = new ethers.Contract(created.args.token, sdk.parkTokenAbi, issuer);
    return { board, issuer, registry, factory, token };
  }

  it("the node is a development chain: automine on, so one confirmation is enough", async function () {
    assert.equal(await network.provider.send("hardhat_getAutomine"), true);
    assert.equal((await ethers.provider.getNetwork()).chainId, 31337n);
  });

  it("loadFixture: a resident admitted by the board creates a token", async function () {
    const { issuer, registry, factory, token } = await helpers.loadFixture(admittedIssuerWithToken);
    assert.equal((await registry.getResident(issuer.address)).status, 2n); // Resident
    assert.equal(await token.symbol(), "HHL");
    assert.equal(await factory.issuerOf(await token.getAddress()), issuer.address);
    // Changes made here are undone when the next test loads the fixture.
    await (await factory.createToken("Second", "TWO", 18, 1000n, 1, ethers.id("two"))).wait();
    assert.equal((await factory.tokens()).length, 2);
  });

  it("loadFixture again: the snapshot is restored, the second token is gone", async function () {
    const { factory, token } = await helpers.loadFixture(admittedIssuerWithToken);
    const tokens = await factory.tokens();
    assert.deepEqual([...tokens], [await token.getAddress()]);
  });

  it("time.increase and time.increaseTo move the next block's timestamp exactly", async function () {
    await helpers.loadFixture(admittedIssuerWithToken);
    const before = await helpers.time.latest();
    const after = await helpers.time.increase(3600);
    assert.equal(after, before + 3600);
    await helpers.time.increaseTo(after + 86_400);
    assert.equal(await helpers.time.latest(), after + 86_400);
  });

  it("mine and setBalance", async function () {
    await helpers.loadFixture(admittedIssuerWithToken);
    const start = await helpers.time.latestBlock();
    await helpers.mine(5, { interval: 60 });
    assert.equal(await helpers.time.latestBlock(), start + 5);
    const someone = ethers.Wallet.createRandom().address;
    await helpers.setBalance(someone, ethers.parseEther("12.5"));
    assert.equal(await ethers.provider.getBalance(someone), ethers.parseEther("12.5"));
  });

  it("a park rule's refusal arrives with its reason", async function () {
    const { registry, issuer } = await helpers.loadFixture(admittedIssuerWithToken);
    await assert.rejects(registry.admitResident(issuer.address, TOKEN_ISSUER),
      (e) => /board-only function, call it through a proposal/.test(e.message));
  });

  it("impersonateAccount: a board member without a key (a multisig's address) acts as the board", async function () {
    const { issuer, registry } = await helpers.loadFixture(admittedIssuerWithToken);
    const multisig = "0x5afe00000000000000000000000000000000b0a4";
    // The board (dev account 0) takes the multisig onto the board; threshold 1 executes the proposal at once.
    const add = registry.interface.encodeFunctionData("addBoardMember", [multisig]);
    await (await registry.propose(sdk.parkAddresses.registry, add)).wait();
    assert.ok((await registry.boardMembers()).map((a) => a.toLowerCase()).includes(multisig));

    // Hardhat 2 signs every eth_sendTransaction itself when the network lists accounts (HH103 for any other
    // sender), so the impersonated account sends through a provider without local accounts, as `accounts: "remote"`
    // would: the node sends for it.
    const node = new ethers.JsonRpcProvider(network.config.url);
    const send = (from) => node.send("eth_sendTransaction", [{ from, to: from, value: "0x0" }]);
    // Nobody holds the multisig's key: without impersonation the node refuses to send for it.
    await helpers.setBalance(multisig, ethers.parseEther("10"));
    await assert.rejects(send(multisig), (e) => /unknown account/.test(e.message));
    await helpers.impersonateAccount(multisig);
    const asMultisig = await node.getSigner(multisig); // eth_accounts lists impersonated accounts, as Anvil

    // As the board: suspend the issuer through a proposal. The park's rules check the sender, and see the multisig.
    const suspend = registry.interface.encodeFunctionData("suspendResident", [issuer.address, ethers.id("audit")]);
    const receipt = await (await registry.connect(asMultisig).propose(sdk.parkAddresses.registry, suspend)).wait();
    assert.equal(receipt.from.toLowerCase(), multisig);
    assert.equal(receipt.status, 1);
    const created = receipt.logs.map((l) => registry.interface.parseLog(l)).find((p) => p?.name === "ProposalCreated");
    assert.equal(created.args[1].toLowerCase(), multisig);
    assert.equal((await registry.getResident(issuer.address)).status, 3n); // Suspended
    const tx = await ethers.provider.getTransaction(receipt.hash);
    assert.equal(tx.from.toLowerCase(), multisig);

    // A non-member impersonated is still just a non-member: the rules refuse it with their reason.
    const stranger = "0x5afe00000000000000000000000000000000dead";
    await helpers.impersonateAccount(stranger);
    await helpers.setBalance(stranger, ethers.parseEther("1"));
    await assert.rejects(registry.connect(await node.getSigner(stranger)).propose(sdk.parkAddresses.registry, suspend),
      (e) => /caller is not a board member/.test(e.message));

    await helpers.stopImpersonatingAccount(multisig);
    await assert.rejects(send(multisig), (e) => /unknown account/.test(e.message));
    node.destroy();
  });

  it("viem reads the registry with the SDK's as-const ABI", async function () {
    const { createPublicClient, http } = await import("viem");
    const client = createPublicClient({ transport: http(network.config.url) });
    const threshold = await client.readContract({
      address: sdk.parkAddresses.registry, abi: sdk.parkRegistryAbi, functionName: "threshold",
    });
    assert.equal(threshold, 1n);
  });

  it("viem's simulateBlocks: a keyless applicant applies, and the registry shows it in the same simulation", async function () {
    const { createPublicClient, http, parseEther, keccak256, toHex } = await import("viem");
    const client = createPublicClient({ transport: http(network.config.url) });
    const applicant = "0x5afe0000000000000000000000000000000a9911";
    const registry = { to: sdk.parkAddresses.registry, abi: sdk.parkRegistryAbi };
    const before = await helpers.time.latestBlock();
    const [block] = await client.simulateBlocks({
      blocks: [{
        stateOverrides: [{ address: applicant, balance: parseEther("1") }],
        calls: [
          { ...registry, from: applicant, functionName: "applyForResidency",
            args: ["Simulated Ltd", keccak256(toHex("reg")), keccak256(toHex("plan"))] },
          { ...registry, from: applicant, functionName: "getResident", args: [applicant] },
          { ...registry, from: applicant, functionName: "admitResident", args: [applicant, TOKEN_ISSUER] },
        ],
      }],
      traceTransfers: true,
    });
    assert.equal(block.number, BigInt(before + 1));
    const [apply, resident, admit] = block.calls;
    assert.equal(apply.status, "success");
    assert.equal(apply.logs[0].address.toLowerCase(), sdk.parkAddresses.registry.toLowerCase());
    assert.equal(resident.status, "success");
    assert.equal(resident.result.status, 1); // Applicant: the first call's change is seen by the second
    assert.equal(admit.status, "failure"); // board-only: the park's rule, with its reason
    assert.match(admit.error.message, /board-only function/);
    // Nothing happened on the chain.
    assert.equal(await helpers.time.latestBlock(), before);
    assert.equal((await client.readContract({ ...registry, address: sdk.parkAddresses.registry,
      functionName: "getResident", args: [applicant] })).status, 0);
  });

  it("viem's simulateCalls: ether moves show as transfer logs", async function () {
    const { createPublicClient, http, parseEther } = await import("viem");
    const client = createPublicClient({ transport: http(network.config.url) });
    const [payer] = await ethers.getSigners();
    const payee = "0x5afe00000000000000000000000000000000beef";
    const { results } = await client.simulateCalls({
      account: payer.address,
      calls: [{ to: payee, value: parseEther("0.5") }],
      traceTransfers: true,
    });
    assert.equal(results[0].status, "success");
    const transfer = results[0].logs[0];
    assert.equal(transfer.address, "0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
    assert.equal(BigInt(transfer.data), parseEther("0.5"));
    assert.equal(await ethers.provider.getBalance(payee), 0n);
  });

  it("the node signs for its dev accounts: personal_sign and eth_signTypedData_v4 verify with ethers", async function () {
    // Sent to the node itself (not Hardhat's local mnemonic signer), then checked with ethers' own recovery.
    const [dev0] = await ethers.getSigners();
    const node = new ethers.JsonRpcProvider(network.config.url);
    const signature = await node.send("personal_sign", [ethers.hexlify(ethers.toUtf8Bytes("hello park")), dev0.address]);
    assert.equal(ethers.verifyMessage("hello park", signature), dev0.address);
    const domain = { name: "Park", version: "1", chainId: 31337, verifyingContract: sdk.parkAddresses.registry };
    const types = { Vote: [{ name: "proposal", type: "uint256" }, { name: "voter", type: "address" }] };
    const vote = { proposal: 7n, voter: dev0.address };
    const payload = ethers.TypedDataEncoder.getPayload(domain, types, vote);
    const typed = await node.send("eth_signTypedData_v4", [dev0.address, payload]);
    assert.equal(typed, await dev0.signTypedData(domain, types, vote));
    node.destroy();
  });
});
