package org.parkchain.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.parkchain.chain.BlockEnvironment;
import org.parkchain.chain.ExecutableTransaction;
import org.parkchain.chain.TransactionProcessor;
import org.parkchain.chain.TransactionResult;
import org.parkchain.evm.BlockContext;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.evm.Fork;
import org.parkchain.evm.Log;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.AbiError;
import org.parkchain.primitives.tx.TransactionType;
import org.parkchain.state.InMemoryNodeStore;
import org.parkchain.state.WorldState;

/**
 * A small park for tests: the real world state, EVM and transaction processor with the regime's genesis and the
 * system contracts plugged into the EVM, a clock, and transactions sent the way the chain sends them (gas is free:
 * base fee and gas price 0, so balances show only what the park's contracts moved).
 */
final class Park {
    static final Address CHAIR = Address.fromLong(0xB0A4D1);
    static final Address MEMBER_2 = Address.fromLong(0xB0A4D2);
    static final Address MEMBER_3 = Address.fromLong(0xB0A4D3);
    static final Address TREASURY = Address.fromLong(0x7EA5);
    static final Address REGISTRY = SystemAddresses.REGISTRY;
    static final Address FACTORY = SystemAddresses.TOKEN_FACTORY;
    static final Address OFFERINGS = SystemAddresses.OFFERINGS;
    static final Address EXCHANGE = SystemAddresses.EXCHANGE;
    static final long GAS = 2_000_000;
    static final UInt256 CHAIN_ID = UInt256.of(375);

    final WorldState world = new WorldState(new InMemoryNodeStore());
    final SystemContracts contracts;
    /** The fork the park's blocks run under: what a new chain runs. */
    static final Fork FORK = Fork.OSAKA;
    private final TransactionProcessor processor;
    long now = 1_800_000_000L;
    private long blockNumber = 1;

    /** A transaction's receipt as a test sees it: status, gas (with the intrinsic cost), logs, return or revert data. */
    record Tx(boolean succeeded, long gasUsed, List<Log> logs, byte[] output) {
        Tx ok() {
            assertThat(succeeded).as("expected success, got a revert: %s", succeeded ? "" : revertReason()).isTrue();
            return this;
        }

        String reason() {
            assertThat(succeeded).as("expected a revert, the transaction succeeded").isFalse();
            return revertReason();
        }

        private String revertReason() {
            assertThat(Hex.encode(output)).as("revert data is Error(string)").startsWith("0x08c379a0");
            return AbiError.ERROR.decode(output).orElseThrow(() -> new AssertionError("malformed Error(string)")).string(0);
        }

        List<Log> logs(Hash topic0) {
            return logs.stream().filter(l -> l.topics().get(0).equals(topic0)).toList();
        }
    }

    private Park(RegimeGenesis genesis) {
        this(genesis, PermissionPolicy.Mode.OPEN);
    }

    private Park(RegimeGenesis genesis, PermissionPolicy.Mode permissioning) {
        contracts = new SystemContracts(permissioning);
        processor = new TransactionProcessor(contracts);
        genesis.install(world);
        world.endTransaction();
        world.commit();
    }

    /** One board member (CHAIR), threshold 1: every proposal executes at once, as in --dev. */
    static Park withChair() {
        return new Park(new RegimeGenesis(List.of(CHAIR), 1, TREASURY));
    }

    /** As {@link #withChair()}, with verified permissioning's rules at every call depth (the admission is not run). */
    static Park verifiedWithChair() {
        return new Park(new RegimeGenesis(List.of(CHAIR), 1, TREASURY), PermissionPolicy.Mode.VERIFIED);
    }

    static Park withBoard(int threshold, Address... members) {
        return new Park(new RegimeGenesis(List.of(members), threshold, TREASURY));
    }

    Tx send(Address from, Address to, byte[] input) {
        return send(from, to, UInt256.ZERO, input, GAS);
    }

    Tx send(Address from, Address to, UInt256 value, byte[] input) {
        return send(from, to, value, input, GAS);
    }

    /** One transaction in its own block. */
    Tx send(Address from, Address to, UInt256 value, byte[] input, long gasLimit) {
        ExecutableTransaction tx = new ExecutableTransaction(TransactionType.DYNAMIC_FEE, from, world.nonce(from), gasLimit,
                Optional.of(to), value, input, UInt256.ZERO, UInt256.ZERO, List.of(), List.of(), UInt256.ZERO, List.of(),
                Optional.of(CHAIN_ID));
        TransactionResult result = processor.process(world, environment(), tx);
        world.commit();
        blockNumber++;
        if (!(result instanceof TransactionResult.Executed e)) {
            throw new AssertionError("transaction rejected: " + result);
        }
        return new Tx(e.success(), e.gasUsed(), e.logs(), e.output());
    }

    /** The intrinsic gas of a call transaction, by the one definition the transaction type uses. */
    static long intrinsicGas(byte[] data) {
        return FORK.intrinsicGas().of(data, false, 0, 0);
    }

    private BlockEnvironment environment() {
        return new BlockEnvironment(FORK, Address.fromLong(0xC0FFEE), blockNumber, now, 30_000_000, UInt256.ZERO, Hash.ZERO, 0,
                CHAIN_ID, n -> Hash.ZERO);
    }

    /** A read-only call (eth_call / STATICCALL); it leaves nothing behind, not even warm slots. */
    byte[] read(Address to, byte[] input) {
        int snapshot = world.snapshot();
        ExecutionResult result = contracts.call(world, CHAIR, to, UInt256.ZERO, input, GAS, true, block());
        world.revertToSnapshot(snapshot);
        assertThat(result.isSuccess()).as("view call failed: %s", result.failureMessage()).isTrue();
        return result.output();
    }

    BlockContext block() {
        return environment().toBlockContext();
    }

    /** The state root, at a transaction boundary: equal roots, equal states. */
    Hash stateRoot() {
        world.endTransaction();
        return world.commit();
    }

    void fund(Address account, UInt256 amount) {
        world.setBalance(account, world.balance(account).add(amount));
        world.endTransaction();
        world.commit();
    }

    UInt256 balance(Address account) {
        return world.balance(account);
    }

    // --- the park's procedures, each a line in a test ---------------------------------------------------------

    /** A board decision proposed by CHAIR (executes at once when the threshold is 1). */
    Tx board(Address target, byte[] call) {
        return send(CHAIR, REGISTRY, Abi.call("propose(address,bytes)", target, new Abi.Bytes(call)));
    }

    Tx apply(Address applicant, String name) {
        return send(applicant, REGISTRY, Abi.call("applyForResidency(string,bytes32,bytes32)", name,
                Abi.hash("reg " + name), Abi.hash("project " + name)));
    }

    /** Applies and is admitted by the board (threshold 1) with {@code roles}. */
    Address admit(Address applicant, String name, long roles) {
        apply(applicant, name).ok();
        board(REGISTRY, Abi.call("admitResident(address,uint256)", applicant, roles)).ok();
        return applicant;
    }

    Tx identify(Address operator, Address client, ClientCategory category, String country, long expiresAt) {
        return send(operator, REGISTRY, Abi.call("registerClient(address,uint8,bool,bytes2,bytes32,uint64)",
                client, category, false, new Abi.Country(country), Abi.hash("kyc " + client), expiresAt));
    }

    Tx createToken(Address issuer, String symbol, UInt256 cap, int decimals) {
        return send(issuer, FACTORY, Abi.call("createToken(string,string,uint8,uint256,uint8,bytes32)",
                symbol + " token", symbol, decimals, cap, 1, Abi.hash("white paper " + symbol)));
    }

    Address token(Address issuer, String symbol, long cap) {
        return Abi.address(createToken(issuer, symbol, UInt256.of(cap), 0).ok().output(), 0);
    }

    boolean isVerified(Address account) {
        return Abi.bool(read(REGISTRY, Abi.call("isVerified(address)", account)), 0);
    }

    UInt256 tokenBalance(Address token, Address holder) {
        return Abi.uint(read(token, Abi.call("balanceOf(address)", holder)), 0);
    }

    static Address account(long n) {
        return Address.fromLong(0xACC0000L + n);
    }

    static UInt256 u(long v) {
        return UInt256.of(v);
    }

}
