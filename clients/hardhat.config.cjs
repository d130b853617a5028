// Hardhat 2 is the reference node for the client harness and the load generator's comparison (`with-hardhat.mjs`).
// Its defaults already match Parkchain's dev chain where it matters: the accounts of the standard test mnemonic,
// automatic mining (a block per transaction). The fork is pinned to Cancun, the fork Parkchain implements.
module.exports = {
  networks: {
    hardhat: {
      hardfork: "cancun",
      // Like geth, answer eth_sendRawTransaction with the hash even when the transaction reverts (Hardhat's default
      // is to turn the failed receipt into a JSON-RPC error).
      throwOnTransactionFailures: false,
    },
  },
};
