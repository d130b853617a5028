export * from "./abis.js";

export declare const parkAddresses: {
  readonly registry: "0x0000000000000000000000000000000000001000";
  readonly tokenFactory: "0x0000000000000000000000000000000000001001";
  readonly offerings: "0x0000000000000000000000000000000000001002";
  readonly exchange: "0x0000000000000000000000000000000000001003";
};

export declare const parkchainDev: {
  readonly id: 31337;
  readonly name: "Parkchain dev";
  readonly nativeCurrency: { readonly name: "Park coin"; readonly symbol: "PARK"; readonly decimals: 18 };
  readonly rpcUrls: { readonly default: { readonly http: readonly ["http://127.0.0.1:8545"]; readonly webSocket: readonly ["ws://127.0.0.1:8545"] } };
};
