// A Hardhat 2 project whose tests run against Parkchain's development chain:
//   parkchain node --dev            (in one terminal; chain id 31337, the test mnemonic's accounts funded)
//   npx hardhat test --network parkchain
// PARKCHAIN_RPC_URL points it at another node (the Maven build starts one on a free port and sets it).
require("@nomicfoundation/hardhat-ethers");

module.exports = {
  // The tests use the park's system contracts through the SDK's ABIs: nothing to compile, so Hardhat never
  // downloads a Solidity compiler.
  solidity: "0.8.28",
  networks: {
    parkchain: {
      url: process.env.PARKCHAIN_RPC_URL ?? "http://127.0.0.1:8545",
      chainId: 31337,
      accounts: { mnemonic: "test test test test test test test test test test test junk" },
    },
  },
  mocha: { timeout: 60_000 },
};
