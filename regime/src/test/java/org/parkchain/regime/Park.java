package org.parkchain.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parkchain.evm.Log;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

/**
 * A small park for tests: a world with the regime's genesis, a clock, and transactions sent straight to the system
 * contracts the way the chain will send them (value moved first, everything undone when the call fails).
 */
final class Park {
    static final Address CHAIR = Address.fromLong(0xB0A4D1);
    static final Address MEMBER_2 = Address.fromLong(0xB0A4D2);
    static final Address MEMBER_3 = Address.fromLong(0xB0A4D3);
    static final Address TREASURY = Address.fromLong(0x7EA5);
    static final Address REGISTRY = SystemAddresses.REGISTRY;
    static final Address FACTORY = SystemAddresses.TOKEN_FACTORY;
    static final Address OFFERINGS = SystemAddresses.OFFERINGS;
    static final long GAS = 2_000_000;
    static final UInt256 COIN = UInt256.of(1_000_000_000_000_000_000L);

    final MemoryWorld world = new MemoryWorld();
    final SystemContracts contracts = new SystemContracts();
    long now = 1_800_000_000L;
    private long blockNumber = 1;

    /** The outcome of one transaction: the call's result and the logs it left. */
    record Tx(CallResult result, List<Log> logs) {
        byte[] output() {
            return result.output();
        }

        Tx ok() {
            assertThat(result).as("expected success, got %s", result).isInstanceOf(CallResult.Success.class);
            return this;
        }

        String reason() {
            assertThat(result).as("expected a revert, got %s", result).isInstanceOf(CallResult.Reverted.class);
            return ((CallResult.Reverted) result).reason();
        }

        List<Log> logs(Hash topic0) {
            return logs.stream().filter(l -> l.topics().get(0).equals(topic0)).toList();
        }
    }

    private Park(RegimeGenesis genesis) {
        genesis.install(world);
        world.commitTransaction();
    }

    /** One board member (CHAIR), threshold 1: every proposal executes at once, as in --dev. */
    static Park withChair() {
        return new Park(new RegimeGenesis(List.of(CHAIR), 1, TREASURY));
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

    Tx send(Address from, Address to, UInt256 value, byte[] input, long gas) {
        world.commitTransaction();
        world.warmAddress(from);
        world.warmAddress(to);
        int snapshot = world.snapshot();
        CallResult result;
        if (world.balance(from).compareTo(value) < 0) {
            throw new IllegalStateException(from + " cannot afford " + value);
        }
        world.setBalance(from, world.balance(from).sub(value));
        world.setBalance(to, world.balance(to).add(value));
        result = contracts.call(world, from, to, value, input, gas, false, block());
        if (!result.succeeded()) {
            world.revertToSnapshot(snapshot);
        }
        Tx tx = new Tx(result, new ArrayList<>(world.logs()));
        world.commitTransaction();
        blockNumber++;
        return tx;
    }

    /** A read-only call (eth_call / STATICCALL). */
    byte[] read(Address to, byte[] input) {
        CallResult result = contracts.call(world, CHAIR, to, UInt256.ZERO, input, GAS, true, block());
        assertThat(result).as("view call failed: %s", result).isInstanceOf(CallResult.Success.class);
        return result.output();
    }

    BlockInfo block() {
        return new BlockInfo(blockNumber, now);
    }

    void fund(Address account, UInt256 amount) {
        world.setBalance(account, world.balance(account).add(amount));
        world.commitTransaction();
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

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
