package org.parkchain.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.BlockContext;
import org.parkchain.evm.Evm;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.evm.Message;
import org.parkchain.evm.TxContext;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.state.InMemoryNodeStore;
import org.parkchain.state.WorldState;

/**
 * The system contracts' storage and log charges are the interpreter's: the same SLOAD, SSTORE or LOG on the same
 * state, once as bytecode through the EVM and once through a native contract's {@link ContractStorage} and
 * {@link Frame#emit}, costs the same gas and moves the refund counter by the same amount, in every EIP-2200/2929/3529
 * case (clean or dirty, cold or warm, set, reset, clear, restore).
 */
class NativeGasTest {
    private static final Address CONTRACT = Address.fromLong(0xC0DE);
    private static final Address CALLER = Address.fromLong(0xCA11E5);
    private static final UInt256 SLOT = UInt256.of(0x5107);
    private static final long GAS = 100_000;
    private static final BlockContext BLOCK = new BlockContext(Address.ZERO, 1, 1_800_000_000L, 30_000_000, Hash.ZERO,
            UInt256.ZERO, UInt256.ONE, UInt256.ONE, n -> Hash.ZERO);

    /** What one operation cost: gas and the change of the refund counter. */
    private record Cost(long gas, long refund) {}

    private static String push32(UInt256 v) {
        return "7f" + Hex.encodeNoPrefix(v.toBytes32());
    }

    /** A world where CONTRACT holds {@code code} and {@code original} in SLOT at the start of the transaction. */
    private static WorldState world(byte[] code, UInt256 original, UInt256 current, boolean warm) {
        WorldState world = new WorldState(new InMemoryNodeStore());
        world.allocate(CONTRACT, 1, UInt256.ZERO, code, original.isZero() ? Map.of() : Map.of(SLOT, original));
        world.endTransaction();
        world.commit();
        if (!current.equals(original)) {
            world.warmSlot(CONTRACT, SLOT);   // an earlier SSTORE of this transaction made it dirty, and warm
            world.setStorage(CONTRACT, SLOT, current);
        }
        if (warm) {
            world.warmSlot(CONTRACT, SLOT);
        }
        return world;
    }

    /** Runs CONTRACT's code as a call; {@code pushes} PUSH32s before the measured instruction cost 3 each. */
    private static Cost evm(WorldState world, int pushes) {
        long refund = world.refund();
        ExecutionResult r = new Evm(NativeGas.FORK).execute(Message.call(CALLER, CONTRACT, UInt256.ZERO, new byte[0], GAS),
                world, BLOCK, new TxContext(CALLER, UInt256.ZERO));
        assertThat(r.isSuccess()).as(r.failureMessage()).isTrue();
        return new Cost(GAS - r.gasLeft() - 3L * pushes, world.refund() - refund);
    }

    private static Cost natively(WorldState world, java.util.function.Consumer<Frame> work) {
        long refund = world.refund();
        GasMeter meter = new GasMeter(GAS);
        work.accept(new Frame(world, CALLER, CONTRACT, UInt256.ZERO, false, BLOCK, meter, new SystemContracts()));
        return new Cost(meter.used(), world.refund() - refund);
    }

    @Test
    void sstoreCostsAndRefundsTheSameInEveryCase() {
        List<UInt256> values = List.of(UInt256.ZERO, UInt256.of(7), UInt256.of(9), UInt256.of(11));
        int cases = 0;
        for (UInt256 original : values) {
            for (UInt256 current : values) {
                for (UInt256 value : values) {
                    for (boolean warm : new boolean[] {false, true}) {
                        byte[] code = Hex.decode(push32(value) + push32(SLOT) + "55" + "00");
                        Cost evm = evm(world(code, original, current, warm), 2);
                        Cost natively = natively(world(code, original, current, warm), f -> f.storage().store(SLOT, value));
                        assertThat(natively).as("original %s, current %s, new %s, warm %s", original, current, value, warm)
                                .isEqualTo(evm);
                        cases++;
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(128);
    }

    @Test
    void sloadCostsTheSameColdAndWarm() {
        byte[] code = Hex.decode(push32(SLOT) + "54" + "00");
        for (boolean warm : new boolean[] {false, true}) {
            Cost evm = evm(world(code, UInt256.of(7), UInt256.of(7), warm), 1);
            Cost natively = natively(world(code, UInt256.of(7), UInt256.of(7), warm), f -> f.storage().load(SLOT));
            assertThat(natively).as("warm %s", warm).isEqualTo(evm);
        }
    }

    @Test
    void aLogCostsTheSameForEveryTopicCountAndLength() {
        for (int topics = 1; topics <= 4; topics++) {
            for (int length : new int[] {0, 1, 32, 100}) {
                // Memory is expanded first (MSTORE8 at the last byte), so the LOG pays no expansion of its own.
                String expand = length == 0 ? "" : "5f" + "61" + String.format("%04x", length - 1) + "53";
                StringBuilder log = new StringBuilder();
                for (int t = topics; t >= 1; t--) {
                    log.append(push32(UInt256.of(t)));
                }
                log.append("61").append(String.format("%04x", length)).append("5f").append(Integer.toHexString(0xa0 + topics));
                long expansion = evm(world(Hex.decode(expand + "00"), UInt256.ZERO, UInt256.ZERO, false), 0).gas();
                // The log's own arguments: a PUSH32 per topic and PUSH2 length (3 each), PUSH0 offset (2).
                long evm = evm(world(Hex.decode(expand + log + "00"), UInt256.ZERO, UInt256.ZERO, false), topics + 1).gas()
                        - 2 - expansion;
                List<Hash> indexed = new java.util.ArrayList<>();
                for (int t = 2; t <= topics; t++) {
                    indexed.add(Hash.wrap(UInt256.of(t).toBytes32()));
                }
                byte[] data = new byte[length];
                Cost natively = natively(world(new byte[0], UInt256.ZERO, UInt256.ZERO, false),
                        f -> f.emit(Hash.wrap(UInt256.ONE.toBytes32()), indexed, data));
                assertThat(natively.gas()).as("LOG%d of %d bytes", topics, length).isEqualTo(evm);
            }
        }
    }
}
