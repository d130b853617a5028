// The park's system contracts on a Parkchain chain: their ABIs and fixed addresses (see src/index.ts).
export * from "./abis.js";

export const parkAddresses = Object.freeze({
  registry: "0x0000000000000000000000000000000000001000",
  tokenFactory: "0x0000000000000000000000000000000000001001",
  offerings: "0x0000000000000000000000000000000000001002",
  exchange: "0x0000000000000000000000000000000000001003",
});

export const parkchainDev = Object.freeze({
  id: 31337,
  name: "Parkchain dev",
  nativeCurrency: { name: "Park coin", symbol: "PARK", decimals: 18 },
  rpcUrls: { default: { http: ["http://127.0.0.1:8545"], webSocket: ["ws://127.0.0.1:8545"] } },
});
