// The park's system contracts on a Parkchain chain: their ABIs (as const) and fixed addresses.
export * from "./abis.js";

/** The registry, the token factory, the offerings and the exchange; a park token's address comes from the factory. */
export const parkAddresses = {
  registry: "0x0000000000000000000000000000000000001000",
  tokenFactory: "0x0000000000000000000000000000000000001001",
  offerings: "0x0000000000000000000000000000000000001002",
  exchange: "0x0000000000000000000000000000000000001003",
} as const;

/** Parkchain's development chain (`parkchain node --dev`), in viem's chain shape. */
export const parkchainDev = {
  id: 31337,
  name: "Parkchain dev",
  nativeCurrency: { name: "Park coin", symbol: "PARK", decimals: 18 },
  rpcUrls: { default: { http: ["http://127.0.0.1:8545"], webSocket: ["ws://127.0.0.1:8545"] } },
} as const;
