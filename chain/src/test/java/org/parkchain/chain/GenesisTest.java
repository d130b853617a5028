package org.parkchain.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.state.InMemoryNodeStore;
import org.parkchain.state.WorldState;

class GenesisTest {
    /** The pre-state of ethereum/tests blockWithAllTransactionTypes (Cancun), with its genesis header fields. */
    private static final String VECTOR_GENESIS = """
            {
              "chainId": 1,
              "gasLimit": "0x016345785d8a0000",
              "baseFeePerGas": "0x0384",
              "timestamp": "0x03b6",
              "extraData": "0x42",
              "coinbase": "0xba5e000000000000000000000000000000000000",
              "mixHash": "0x0000000000000000000000000000000000000000000000000000000000020000",
              "alloc": {
                "0x000f3df6d732807ef1319fb7b8bb8522d0beac02": {
                  "balance": "0x00",
                  "code": "0x3373fffffffffffffffffffffffffffffffffffffffe14604d57602036146024575f5ffd5b5f35801560495762001fff810690815414603c575f5ffd5b62001fff01545f5260205ff35b5f5ffd5b62001fff42064281555f359062001fff015500",
                  "nonce": "0x01",
                  "storage": { "0x03b6": "0x03b6" }
                },
                "0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b": { "balance": "0x01000000000000000000" }
              }
            }""";

    @Test
    void genesisFileReproducesAPublishedCancunGenesisBlock() {
        Genesis genesis = Genesis.parse(VECTOR_GENESIS);
        Genesis.State state = genesis.buildState();
        assertThat(state.root()).isEqualTo(BlockVectorsTest.GENESIS_STATE_ROOT);
        assertThat(genesis.header(state.root()).hash()).isEqualTo(BlockVectorsTest.GENESIS_HASH);
    }

    @Test
    void devGenesisFundsTheTenTestMnemonicAccounts() {
        Genesis dev = Genesis.dev();
        assertThat(dev.chainId()).isEqualTo(31337);
        List<Address> accounts = Genesis.devAccounts();
        assertThat(accounts).hasSize(10);
        // Hardhat's and Anvil's well-known first and last accounts.
        assertThat(accounts.get(0)).isEqualTo(Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
        assertThat(accounts.get(9)).isEqualTo(Address.fromHex("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720"));
        Genesis.State state = dev.buildState();
        WorldState world = new WorldState(nodesOf(state), state.root());
        UInt256 tenThousandCoins = UInt256.of(BigInteger.valueOf(10_000).multiply(BigInteger.TEN.pow(18)));
        for (Address a : accounts) {
            assertThat(world.balance(a)).isEqualTo(tenThousandCoins);
        }
    }

    @Test
    void stateInitializersAddStateAfterTheAllocations() {
        Address system = Address.fromHex("0x0000000000000000000000000000000000001000");
        Genesis genesis = Genesis.dev().withState(world -> {
            world.createAccount(system);
            world.setNonce(system, 1);
            world.setCode(system, new byte[] {0x5f, 0x5f, (byte) 0xfd});
            world.setStorage(system, UInt256.ONE, UInt256.of(42));
        });
        Genesis.State state = genesis.buildState();
        assertThat(state.root()).isNotEqualTo(Genesis.dev().buildState().root());
        WorldState world = new WorldState(nodesOf(state), state.root());
        assertThat(world.storage(system, UInt256.ONE)).isEqualTo(UInt256.of(42));
        assertThat(world.code(system)).containsExactly(0x5f, 0x5f, 0xfd);
        // Deterministic: built twice, the same root.
        assertThat(genesis.buildState().root()).isEqualTo(state.root());
    }

    @Test
    void badGenesisFilesAreRefusedNamingTheField() {
        assertRefused("{", "not valid JSON");
        assertRefused("[]", "must be a JSON object");
        assertRefused("{\"gasLimit\": 30000000, \"baseFeePerGas\": 1}", "chainId is required");
        assertRefused("{\"chainId\": 0, \"gasLimit\": 30000000, \"baseFeePerGas\": 1}", "chainId must be positive");
        assertRefused("{\"chainId\": -5, \"gasLimit\": 30000000, \"baseFeePerGas\": 1}", "chainId must be non-negative");
        assertRefused("{\"chainId\": 1, \"gasLimit\": 100, \"baseFeePerGas\": 1}", "gasLimit must be at least 5000");
        assertRefused("{\"chainId\": 1, \"gasLimit\": \"0xzz\", \"baseFeePerGas\": 1}", "gasLimit: '0xzz' is not a number");
        assertRefused("{\"chainId\": 1, \"gasLimit\": 1.5, \"baseFeePerGas\": 1}", "gasLimit must be a non-negative integer");
        assertRefused("{\"chainId\": 1, \"gasLimit\": 30000000, \"baseFeePerGas\": \"0x1" + "0".repeat(64) + "\"}",
                "baseFeePerGas must be below 2^256");
        assertRefused("{\"chainId\": 1, \"gasLimit\": 30000000, \"baseFeePerGas\": 1, \"gaslimit\": 5}",
                "unknown field 'gaslimit'");
        assertRefused("{\"chainId\": 1, \"chainId\": 2, \"gasLimit\": 30000000, \"baseFeePerGas\": 1}", "Duplicate field 'chainId'");
        assertRefused(withAlloc("\"0x1234\": {\"balance\": \"1\"}"), "alloc.0x1234: an address is 20 bytes, got 2");
        assertRefused(withAlloc("\"0x" + "11".repeat(20) + "\": {\"balance\": \"-1\"}"), "alloc.0x" + "11".repeat(20) + ".balance: '-1' is not a number");
        assertRefused(withAlloc("\"0x" + "11".repeat(20) + "\": {\"code\": \"0x123\"}"), ".code: '0x123' is not hex");
        assertRefused(withAlloc("\"0x" + "11".repeat(20) + "\": {\"storage\": {\"0x1\": \"0x" + "00".repeat(33) + "\"}}"),
                ".storage.0x1: at most 32 bytes, got 33");
        assertRefused(withAlloc("\"0x" + "11".repeat(20) + "\": {\"balance\": 1, \"code\": \"0x\", \"colour\": 1}"),
                "unknown field 'colour'");
        assertRefused(withAlloc("\"0x" + "aa".repeat(20) + "\": {}, \"0x" + "AA".repeat(20) + "\": {}"), "allocated twice");
        assertRefused("{\"chainId\": 1, \"gasLimit\": 30000000, \"baseFeePerGas\": 1, \"extraData\": \"0x" + "00".repeat(33) + "\"}",
                "extraData is 33 bytes, at most 32");
    }

    @Test
    void numbersMayBeIntegersDecimalOrHexStrings() {
        Genesis g = Genesis.parse("{\"chainId\": \"375\", \"gasLimit\": \"0x1c9c380\", \"baseFeePerGas\": 7,"
                + " \"alloc\": {\"0x" + "11".repeat(20) + "\": {\"balance\": \"10000000000000000000000\", \"nonce\": 3,"
                + " \"storage\": {\"0x01\": \"0xff\"}}}}");
        assertThat(g.chainId()).isEqualTo(375);
        assertThat(g.gasLimit()).isEqualTo(30_000_000);
        assertThat(g.baseFeePerGas()).isEqualTo(UInt256.of(7));
        Genesis.GenesisAccount a = g.alloc().get(Address.fromHex("0x" + "11".repeat(20)));
        assertThat(a.balance()).isEqualTo(UInt256.of(BigInteger.TEN.pow(22)));
        assertThat(a.nonce()).isEqualTo(3);
        assertThat(a.storage()).containsEntry(UInt256.ONE, UInt256.of(255));
    }

    private static String withAlloc(String entries) {
        return "{\"chainId\": 1, \"gasLimit\": 30000000, \"baseFeePerGas\": 1, \"alloc\": {" + entries + "}}";
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> Genesis.parse(json)).isInstanceOf(GenesisException.class).hasMessageContaining(message);
    }

    static InMemoryNodeStore nodesOf(Genesis.State state) {
        InMemoryNodeStore nodes = new InMemoryNodeStore();
        nodes.write(state.nodes());
        return nodes;
    }

    @Test
    void emptyGenesisHeaderHasTheCancunConstants() {
        BlockHeader h = Genesis.dev().header(Hash.EMPTY_TRIE_ROOT);
        assertThat(h.withdrawalsRoot()).isEqualTo(Hash.EMPTY_TRIE_ROOT);
        assertThat(h.parentBeaconBlockRoot()).isEqualTo(Hash.ZERO);
        assertThat(h.blobGasUsed()).isZero();
        assertThat(h.excessBlobGas()).isZero();
        assertThat(h.baseFeePerGas()).isEqualTo(UInt256.of(1_000_000_000L));
        assertThat(BlockHeader.decode(h.encode()).hash()).isEqualTo(h.hash());
    }
}
