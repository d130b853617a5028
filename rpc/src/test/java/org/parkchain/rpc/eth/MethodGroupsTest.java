package org.parkchain.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.Map;
import org.parkchain.chain.Genesis;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.junit.jupiter.api.Test;
import org.parkchain.rpc.MethodGroup;
import org.parkchain.rpc.RpcException;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.RpcParams;

/** Each eth_* group on its own, over a fake backend: what it registers and what it answers. */
class MethodGroupsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Address STORE = Address.fromLong(0xaa);
    // PUSH1 0x2a PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN: returns 42
    private static final byte[] RETURNS_42 = Hex.decode("0x602a60005260206000f3");

    private final FakeBackend backend = FakeBackend.dev(Map.of(STORE, new Genesis.GenesisAccount(UInt256.of(7), 3,
            RETURNS_42, Map.of(UInt256.of(1), UInt256.of(0xbeef)))));

    private static Object call(MethodGroup group, String method, String paramsJson) throws Exception {
        RpcMethods methods = new RpcMethods();
        group.registerInto(methods);
        return methods.find(method).orElseThrow().call(RpcParams.of(JSON.readTree(paramsJson)));
    }

    @Test
    void stateMethodsReadTheAccountAtTheBlock() throws Exception {
        StateMethods state = new StateMethods(backend);
        assertThat(call(state, "eth_getBalance", "[\"" + STORE.toHex() + "\", \"latest\"]")).isEqualTo("0x7");
        assertThat(call(state, "eth_getTransactionCount", "[\"" + STORE.toHex() + "\", \"0x0\"]")).isEqualTo("0x3");
        assertThat(call(state, "eth_getCode", "[\"" + STORE.toHex() + "\"]")).isEqualTo(Hex.encode(RETURNS_42));
        assertThat(call(state, "eth_getStorageAt", "[\"" + STORE.toHex() + "\", \"0x1\", \"latest\"]"))
                .isEqualTo("0x000000000000000000000000000000000000000000000000000000000000beef");
        assertThatThrownBy(() -> call(state, "eth_getBalance", "[\"" + STORE.toHex() + "\", \"0x5\"]"))
                .isInstanceOf(RpcException.class).hasMessage("header not found");
        assertThatThrownBy(() -> call(state, "eth_getCode", "[\"" + STORE.toHex() + "\", \"latest\", 1]"))
                .hasMessageContaining("too many arguments, want at most 2");
    }

    @Test
    void ethConfigNamesTheForkItsPrecompilesAndSystemContracts() throws Exception {
        JsonNode config = (JsonNode) call(new EthConfig(backend), "eth_config", "[]");
        assertThat(config.at("/current/name").textValue()).isEqualTo("Osaka");
        assertThat(config.at("/current/chainId").textValue()).isEqualTo("0x7a69");
        assertThat(config.at("/current/precompiles/P256VERIFY").textValue()).isEqualTo("0x0000000000000000000000000000000000000100");
        assertThat(config.at("/current/precompiles/BLS12_G1ADD").textValue()).isEqualTo("0x000000000000000000000000000000000000000b");
        assertThat(config.at("/current/systemContracts/HISTORY_STORAGE_ADDRESS").textValue())
                .isEqualTo("0x0000f90827f1c53a10cb7a02335b175320002935");
        assertThat(config.at("/current/blobSchedule/max").intValue()).isEqualTo(9);
        assertThat(config.get("next").isNull()).isTrue();
        assertThatThrownBy(() -> call(new EthConfig(backend), "eth_config", "[1]")).hasMessageContaining("too many arguments");
    }

    @Test
    void aHaltedCallSaysWhyInGethsWords() throws Exception {
        Address invalid = Address.fromLong(0xfe);
        FakeBackend halting = FakeBackend.dev(Map.of(invalid, new Genesis.GenesisAccount(UInt256.ZERO, 1, Hex.decode("0x6001fe"), Map.of())));
        CallMethods calls = new CallMethods(halting, EthApiConfig.defaults());
        assertThatThrownBy(() -> call(calls, "eth_call", "[{\"to\": \"" + invalid.toHex() + "\"}, \"latest\"]"))
                .isInstanceOf(RpcException.class).hasMessage("invalid opcode: 0xfe");
        assertThatThrownBy(() -> call(calls, "eth_estimateGas", "[{\"to\": \"" + invalid.toHex() + "\"}]"))
                .isInstanceOf(RpcException.class).hasMessage("invalid opcode: 0xfe");
    }

    @Test
    void blockMethodsShowTheGenesisBlock() throws Exception {
        BlockMethods blocks = new BlockMethods(backend);
        assertThat(call(blocks, "eth_chainId", "[]")).isEqualTo("0x7a69");
        assertThat(call(blocks, "eth_blockNumber", "[]")).isEqualTo("0x0");
        JsonNode block = (JsonNode) call(blocks, "eth_getBlockByNumber", "[\"latest\", false]");
        assertThat(block.get("hash").textValue()).isEqualTo(backend.head().hash().toHex());
        assertThat(call(blocks, "eth_getBlockByNumber", "[\"0x1\", false]")).isNull();
    }

    @Test
    void callMethodsRunOnTheStateWithoutChangingIt() throws Exception {
        CallMethods calls = new CallMethods(backend, EthApiConfig.defaults());
        assertThat(call(calls, "eth_call", "[{\"to\": \"" + STORE.toHex() + "\"}, \"latest\"]"))
                .isEqualTo("0x000000000000000000000000000000000000000000000000000000000000002a");
        String estimate = (String) call(calls, "eth_estimateGas", "[{\"to\": \"" + STORE.toHex() + "\"}]");
        assertThat(new BigInteger(estimate.substring(2), 16).longValue()).isBetween(21_000L, 22_000L);
    }

    @Test
    void sendMethodsSignOnlyForTheirAccounts() throws Exception {
        PrivateKey dev = Genesis.devKeys().get(0);
        SendMethods send = new SendMethods(backend, EthApiConfig.defaults(), java.util.List.of(dev));
        assertThat(call(send, "eth_accounts", "[]").toString()).contains(dev.address().toHex());
        String hash = (String) call(send, "eth_sendTransaction",
                "[{\"from\": \"" + dev.address().toHex() + "\", \"to\": \"" + STORE.toHex() + "\", \"value\": \"0x1\"}]");
        Transaction sent = backend.submitted.getFirst();
        assertThat(sent.hash().toHex()).isEqualTo(hash);
        assertThat(sent.sender()).isEqualTo(dev.address());
        assertThatThrownBy(() -> call(send, "eth_sendTransaction", "[{\"from\": \"" + STORE.toHex() + "\"}]"))
                .hasMessage("unknown account");
    }

    /** A dev chain whose controls these tests do not use: impersonation is the RPC layer's own memory. */
    private static final DevBackend UNUSED_DEV_CHAIN = new DevBackend() {
        public long mine() { throw new UnsupportedOperationException(); }
        public long mineAt(long epochSeconds) { throw new UnsupportedOperationException(); }
        public void mine(long count, long intervalSeconds) { throw new UnsupportedOperationException(); }
        public long increaseTime(long seconds) { throw new UnsupportedOperationException(); }
        public void setNextBlockTimestamp(long epochSeconds) { throw new UnsupportedOperationException(); }
        public long snapshot() { throw new UnsupportedOperationException(); }
        public boolean revert(long id) { throw new UnsupportedOperationException(); }
        public void setAutomine(boolean on) { throw new UnsupportedOperationException(); }
        public boolean automine() { throw new UnsupportedOperationException(); }
        public void edit(java.util.function.Consumer<org.parkchain.state.WorldState> edit,
                         java.util.Collection<Address> touched) { throw new UnsupportedOperationException(); }
    };

    @Test
    void anImpersonatedAccountIsSentForWithAnImpersonationSignatureWhileItIsImpersonated() throws Exception {
        Impersonation impersonation = new Impersonation();
        DevMethods dev = new DevMethods(backend, java.util.Optional.of(UNUSED_DEV_CHAIN), "anvil-compatible", impersonation);
        SendMethods send = new SendMethods(new BlockLookup(backend), new CallExecutor(backend, EthApiConfig.defaults()),
                java.util.List.of(), impersonation);
        // STORE is a contract: nobody has its key, and Hardhat and Anvil let a test act as one all the same.
        String request = "[{\"from\": \"" + STORE.toHex() + "\", \"to\": \"" + STORE.toHex() + "\", \"value\": \"0x1\"}]";
        assertThatThrownBy(() -> call(send, "eth_sendTransaction", request)).hasMessage("unknown account");

        assertThat(call(dev, "hardhat_impersonateAccount", "[\"" + STORE.toHex() + "\"]")).isEqualTo(true);
        assertThat(call(send, "eth_accounts", "[]").toString()).isEqualTo("[\"" + STORE.toHex() + "\"]");
        String hash = (String) call(send, "eth_sendTransaction", request);
        Transaction sent = backend.submitted.getFirst();
        assertThat(sent.hash().toHex()).isEqualTo(hash);
        assertThat(sent.isImpersonated()).isTrue();
        assertThat(Transaction.decode(sent.encode()).sender()).isEqualTo(STORE);
        assertThat(sent.nonce()).isEqualTo(3); // the account's

        assertThat(call(dev, "hardhat_stopImpersonatingAccount", "[\"" + STORE.toHex() + "\"]")).isEqualTo(true);
        assertThat(call(dev, "hardhat_stopImpersonatingAccount", "[\"" + STORE.toHex() + "\"]")).isEqualTo(false);
        assertThatThrownBy(() -> call(send, "eth_sendTransaction", request)).hasMessage("unknown account");
        assertThat(call(dev, "anvil_autoImpersonateAccount", "[true]").toString()).isEqualTo("null");
        assertThat(impersonation.covers(Address.fromLong(0x1234))).isTrue();

        // Off a development chain the methods are refused and change nothing.
        Impersonation none = new Impersonation();
        DevMethods notDev = new DevMethods(backend, java.util.Optional.empty(), "Parkchain/v0", none);
        assertThatThrownBy(() -> call(notDev, "hardhat_impersonateAccount", "[\"" + STORE.toHex() + "\"]"))
                .hasMessage("hardhat_impersonateAccount is only available on a development chain (parkchain node --dev)");
        assertThatThrownBy(() -> call(notDev, "anvil_autoImpersonateAccount", "[true]"))
                .hasMessageContaining("only available on a development chain");
        assertThat(none.covers(STORE)).isFalse();
    }

    @Test
    void feeMethodsSuggestTheNextBaseFeePlusOneGwei() throws Exception {
        FeeMethods fees = new FeeMethods(backend, EthApiConfig.defaults());
        // The genesis is empty, so the next base fee falls by an eighth: 1 gwei * 7/8, plus the 1 gwei tip.
        assertThat(call(fees, "eth_gasPrice", "[]")).isEqualTo("0x" + Long.toHexString(875_000_000L + 1_000_000_000L));
        JsonNode history = (JsonNode) call(fees, "eth_feeHistory", "[\"0x4\", \"latest\", [50]]");
        assertThat(history.get("oldestBlock").textValue()).isEqualTo("0x0");
        assertThat(history.get("baseFeePerGas")).hasSize(2);
    }

    @Test
    void filterMethodsKeepPollingFilters() throws Exception {
        FilterMethods filters = new FilterMethods(backend, EthApiConfig.defaults(),
                new Filters(java.time.Duration.ofMinutes(1), 10));
        String id = (String) call(filters, "eth_newBlockFilter", "[]");
        assertThat(call(filters, "eth_getFilterChanges", "[\"" + id + "\"]").toString()).isEqualTo("[]");
        assertThat(call(filters, "eth_getLogs", "[{\"fromBlock\": \"0x0\"}]").toString()).isEqualTo("[]");
        assertThat(call(filters, "eth_uninstallFilter", "[\"" + id + "\"]")).isEqualTo(true);
    }

    @Test
    void devMethodsAreRefusedOffADevelopmentChain() {
        DevMethods dev = new DevMethods(backend, java.util.Optional.empty(), "Parkchain/v0");
        assertThatThrownBy(() -> call(dev, "evm_mine", "[]")).isInstanceOf(RpcException.class)
                .hasMessage("evm_mine is only available on a development chain (parkchain node --dev)");
        assertThatThrownBy(() -> call(dev, "anvil_setBalance", "[\"" + STORE.toHex() + "\", \"0x1\"]"))
                .hasMessage("anvil_setBalance is only available on a development chain (parkchain node --dev)");
        assertThatThrownBy(() -> call(dev, "hardhat_metadata", "[]"))
                .hasMessageContaining("only available on a development chain");
        assertThat(backend.chain.head().number()).isZero();
    }

    @Test
    void createAccessListNamesWhatTheCallTouchesButNotTheSenderRecipientOrPrecompiles() throws Exception {
        Address reader = Address.fromLong(0xbb);
        Address other = Address.fromLong(0xcc);
        // PUSH1 1 SLOAD POP; PUSH20 other BALANCE POP; PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 4 GAS STATICCALL
        // (the identity precompile) POP; STOP
        byte[] code = Hex.decode("0x60015450" + "73" + other.toHex().substring(2) + "3150"
                + "600060006000600060006004" + "5a" + "fa" + "50" + "00");
        FakeBackend world = FakeBackend.dev(Map.of(reader, new Genesis.GenesisAccount(UInt256.ZERO, 1, code, Map.of())));
        CallMethods calls = new CallMethods(world, EthApiConfig.defaults());
        JsonNode result = (JsonNode) call(calls, "eth_createAccessList", "[{\"from\": \"" + Genesis.devAccounts().get(0).toHex()
                + "\", \"to\": \"" + reader.toHex() + "\"}, \"latest\"]");
        assertThat(result.get("accessList").toString()).isEqualTo("[{\"address\":\"" + reader.toHex()
                + "\",\"storageKeys\":[\"0x0000000000000000000000000000000000000000000000000000000000000001\"]},"
                + "{\"address\":\"" + other.toHex() + "\",\"storageKeys\":[]}]");
        long gasUsed = Long.decode(result.get("gasUsed").textValue());
        // 21,000 + the list (2,400 per address, 1,900 per key) + warm accesses, well below the cold path's.
        assertThat(gasUsed).isBetween(21_000L + 2 * 2_400 + 1_900, 40_000L);
        assertThat(result.has("error")).isFalse();
    }
}
