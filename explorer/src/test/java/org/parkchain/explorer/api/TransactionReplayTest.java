package org.parkchain.explorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.ChainTransaction;
import org.parkchain.chain.Genesis;
import org.parkchain.chain.InMemoryChainStore;
import org.parkchain.chain.TransactionAdmission;
import org.parkchain.evm.Assembler;
import org.parkchain.evm.ContractAddress;
import org.parkchain.evm.NativeContracts;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;

/**
 * Replaying mined transactions for their internal calls on a plain dev chain (no park): nesting and depth, a
 * SELFDESTRUCT, a revert without a reason, the calls past those shown counted, a transaction whose call tree would
 * pass the tracer's size cap given up (and kept so), and a coin transfer answered without a replay.
 */
class TransactionReplayTest {
    private static final PrivateKey ALICE = Genesis.devKeys().get(1);
    private static final Address NOBODY = Address.fromLong(0xdead);
    private static final Address HEIR = Address.fromLong(0xbe5e);

    private final BlockExecutor executor = new BlockExecutor(Genesis.DEV_CHAIN_ID, Genesis.dev().forks(),
            NativeContracts.NONE, TransactionAdmission.OPEN);
    private final Blockchain chain = Blockchain.open(new InMemoryChainStore(), Genesis.dev());
    private final TransactionReplay replay = new TransactionReplay(chain, executor);
    private final Map<Address, Long> nonces = new LinkedHashMap<>();

    @AfterEach
    void close() {
        chain.close();
    }

    private Transaction tx(Optional<Address> to, byte[] data, UInt256 value) {
        long nonce = nonces.merge(ALICE.address(), 1L, Long::sum) - 1;
        Transaction.Builder b = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(Genesis.DEV_CHAIN_ID)
                .nonce(nonce).maxPriorityFeePerGas(UInt256.of(1_000_000_000L))
                .maxFeePerGas(UInt256.of(100_000_000_000L)).gasLimit(5_000_000).value(value).data(data);
        to.ifPresent(b::to);
        return b.sign(ALICE);
    }

    private void mine(Transaction... txs) {
        BlockExecutor.Built built = executor.build(chain.head(), chain.nodes(), chain.blockHashes(), List.of(txs),
                new BlockExecutor.Proposal(Address.ZERO, chain.head().timestamp() + 12, new byte[0]));
        assertThat(built.skipped()).isEmpty();
        chain.append(built.block());
    }

    /** Deploys {@code runtime} (assembly) behind a constructor that copies it, and returns its address. */
    private Address deploy(String runtime, UInt256 value) {
        byte[] code = Assembler.assemble(runtime);
        byte[] init = Assembler.assemble("PUSH2 " + code.length + " DUP1 PUSH1 10 PUSH0 CODECOPY PUSH0 RETURN");
        byte[] all = java.util.Arrays.copyOf(init, init.length + code.length);
        System.arraycopy(code, 0, all, init.length, code.length);
        Address at = ContractAddress.forCreate(ALICE.address(), nonces.getOrDefault(ALICE.address(), 0L));
        mine(tx(Optional.empty(), all, value));
        return at;
    }

    private TransactionReplay.Replayed send(Address to) {
        Transaction t = tx(Optional.of(to), new byte[0], UInt256.ZERO);
        mine(t);
        return replayOf(t);
    }

    private TransactionReplay.Replayed replayOf(Transaction t) {
        ChainTransaction found = chain.transaction(t.hash()).orElseThrow();
        return replay.of(found, t, chain.receipt(t.hash()).orElseThrow().success());
    }

    /** Calls {@code target} {@code times} times with {@code size} bytes of (zero) input. */
    private static String calls(Address target, int times, int size) {
        return "PUSH " + times + " @loop PUSH0 PUSH0 PUSH " + size + " PUSH0 PUSH0 PUSH20 " + target.toHex()
                + " GAS CALL POP PUSH 1 SWAP1 SUB DUP1 :loop JUMPI STOP";
    }

    @Test
    void nestedCallsAreListedDepthFirstWithTheirDepthAndHowTheyEnded() {
        Address reverter = deploy("PUSH 0xbeef PUSH0 MSTORE PUSH 2 PUSH 30 REVERT", UInt256.ZERO);
        Address doomed = deploy("PUSH20 " + HEIR.toHex() + " SELFDESTRUCT", UInt256.of(1_000));
        // outer → middle (→ doomed, which pays its 1,000 wei to the heir) then outer → reverter
        Address middle = deploy("PUSH0 PUSH0 PUSH0 PUSH0 PUSH0 PUSH20 " + doomed.toHex() + " GAS CALL STOP", UInt256.ZERO);
        Address outer = deploy("PUSH0 PUSH0 PUSH0 PUSH0 PUSH 5 PUSH20 " + middle.toHex() + " GAS CALL POP"
                + " PUSH0 PUSH0 PUSH0 PUSH0 PUSH20 " + reverter.toHex() + " GAS STATICCALL STOP", UInt256.of(5));

        TransactionReplay.Replayed r = send(outer);

        assertThat(r.unavailable()).isEmpty();
        assertThat(r.failure()).isEmpty();
        JsonNode calls = r.json().path("calls");
        assertThat(calls.findValuesAsText("type")).containsExactly("CALL", "CALL", "SELFDESTRUCT", "STATICCALL");
        assertThat(calls.findValues("depth").stream().map(JsonNode::asInt).toList()).containsExactly(1, 2, 3, 1);
        assertThat(calls.get(0).path("to").asText()).isEqualTo(middle.toChecksumHex());
        assertThat(calls.get(0).path("value").asText()).isEqualTo("5");
        assertThat(calls.get(2).path("from").asText()).isEqualTo(doomed.toChecksumHex());
        assertThat(calls.get(2).path("to").asText()).isEqualTo(HEIR.toChecksumHex());
        assertThat(calls.get(2).path("value").asText()).isEqualTo("1000");
        JsonNode reverted = calls.get(3);
        assertThat(reverted.path("value").isNull()).isTrue();
        assertThat(reverted.path("error").asText()).isEqualTo("execution reverted");
        assertThat(reverted.path("revertReason").isNull()).isTrue();
        assertThat(reverted.path("output").asText()).isEqualTo("0xbeef");
        assertThat(r.omitted()).isZero();
    }

    @Test
    void callsPastTheShownOnesAreCounted() {
        Address caller = deploy(calls(NOBODY, InternalCalls.SHOWN + 40, 0), UInt256.ZERO);
        TransactionReplay.Replayed r = send(caller);
        assertThat(r.calls()).hasSize(InternalCalls.SHOWN);
        assertThat(r.omitted()).isEqualTo(40);
    }

    @Test
    void aCallTreePastTheTracersCapIsGivenUpAndThatIsKept() {
        // 400 calls with 100 kB of input each: cheap in gas (the memory is paid for once), 80 MB of trace.
        Address caller = deploy(calls(NOBODY, 400, 100_000), UInt256.ZERO);
        Transaction t = tx(Optional.of(caller), new byte[0], UInt256.ZERO);
        mine(t);
        TransactionReplay.Replayed r = replayOf(t);
        assertThat(r.unavailable()).hasValueSatisfying(why -> assertThat(why).startsWith("trace too large"));
        assertThat(r.calls()).isEmpty();
        assertThat(replayOf(t)).isSameAs(r);
    }

    @Test
    void aReplayPastItsTimeLimitIsGivenUpAndTriedAgainNextTime() {
        // An endless loop that calls out on every round: it runs until its 5M gas are gone, far past 1 ms.
        Address looper = deploy("@top PUSH0 PUSH0 PUSH0 PUSH0 PUSH0 PUSH20 " + NOBODY.toHex()
                + " GAS CALL POP :top JUMP", UInt256.ZERO);
        Transaction t = tx(Optional.of(looper), new byte[0], UInt256.ZERO);
        mine(t);
        TransactionReplay hurried = new TransactionReplay(chain, executor, java.time.Duration.ofMillis(1));
        ChainTransaction found = chain.transaction(t.hash()).orElseThrow();
        TransactionReplay.Replayed first = hurried.of(found, t, false);
        assertThat(first.unavailable()).hasValue("the replay took longer than 1 ms");
        assertThat(first.failure()).isEmpty();
        // Not kept: on a less busy machine the next look may finish in time.
        assertThat(hurried.of(found, t, false)).isNotSameAs(first);
        // With the tracer's own limit it finishes: the transaction ran out of gas.
        assertThat(replay.of(found, t, false).failure()).hasValue("out of gas");
    }

    @Test
    void aCoinTransferToAnAccountWithoutCodeMadeNoCalls() {
        TransactionReplay.Replayed r = send(NOBODY);
        assertThat(r.calls()).isEmpty();
        assertThat(r.unavailable()).isEmpty();
        assertThat(r.json().toString()).isEqualTo("{\"calls\":[],\"omitted\":0,\"unavailable\":null}");
    }
}
