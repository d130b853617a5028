// Hardhat's EDR as the second reference EVM of the differential run (diff.mjs loads it in-process). The fork is
// Osaka unless DIFF_HARDFORK says otherwise ("prague"); chain id, accounts and gas limit match Parkchain's --dev chain,
// so the same signed transactions run on both.
module.exports = {
  networks: {
    hardhat: {
      hardfork: process.env.DIFF_HARDFORK || "osaka",
      chainId: 31337,
      blockGasLimit: 60_000_000,
      initialBaseFeePerGas: 1_000_000_000,
      accounts: { mnemonic: "test test test test test test test test test test test junk", count: 10 },
      throwOnTransactionFailures: false,
    },
  },
};
