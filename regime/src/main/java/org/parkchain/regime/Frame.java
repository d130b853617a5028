package org.parkchain.regime;

import java.util.List;
import org.parkchain.evm.BlockContext;
import org.parkchain.evm.Log;
import org.parkchain.evm.WorldView;
import org.parkchain.evm.gas.GasCalc;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

/**
 * One native call in progress: who calls which contract with what, in which block, with the gas left. Internal calls
 * (the board executing a proposal, an offering minting through its token) get a nested frame that shares the
 * world, the block and the gas, with their own {@code self} and {@code caller}.
 */
final class Frame {
    final WorldView world;
    final Address caller;
    final Address self;
    final UInt256 value;
    final boolean isStatic;
    final BlockContext block;
    final GasMeter gas;
    final SystemContracts contracts;
    private final ContractStorage storage;

    Frame(WorldView world, Address caller, Address self, UInt256 value, boolean isStatic, BlockContext block,
          GasMeter gas, SystemContracts contracts) {
        this.world = world;
        this.caller = caller;
        this.self = self;
        this.value = value;
        this.isStatic = isStatic;
        this.block = block;
        this.gas = gas;
        this.contracts = contracts;
        this.storage = new ContractStorage(this, self);
    }

    /** The frame of an internal call from this contract to {@code target}, without value. */
    Frame callInto(Address target) {
        return new Frame(world, self, target, UInt256.ZERO, isStatic, block, gas, contracts);
    }

    /** The same contract and caller, another contract's state: for one system contract acting on another's. */
    Frame as(Address newSelf, Address newCaller) {
        return new Frame(world, newCaller, newSelf, UInt256.ZERO, isStatic, block, gas, contracts);
    }

    ContractStorage storage() {
        return storage;
    }

    long now() {
        return block.timestamp();
    }

    void charge(long amount) {
        gas.charge(amount);
    }

    void requireWritable() {
        if (isStatic) {
            throw new Halt(org.parkchain.evm.HaltReason.STATE_CHANGE_IN_STATIC_CALL, "state change in a static call");
        }
    }

    /** The registry's rules as another contract checks them: each slot read costs the rule-read price. */
    RegistryView registry() {
        if (self.equals(SystemAddresses.REGISTRY)) {
            return new RegistryView(slot -> storage.load(slot));
        }
        return new RegistryView(slot -> {
            gas.charge(NativeGas.REGISTRY_RULE_READ);
            world.warmSlot(SystemAddresses.REGISTRY, slot);
            return world.storage(SystemAddresses.REGISTRY, slot);
        });
    }

    void emit(Address emitter, Hash topic0, List<Hash> indexed, byte[] data) {
        requireWritable();
        charge(GasCalc.log(NativeGas.FORK, 1 + indexed.size(), data.length));
        List<Hash> topics = new java.util.ArrayList<>(1 + indexed.size());
        topics.add(topic0);
        topics.addAll(indexed);
        world.addLog(new Log(emitter, topics, data));
    }

    void emit(Hash topic0, List<Hash> indexed, byte[] data) {
        emit(self, topic0, indexed, data);
    }

    /** Moves native coin out of this contract's balance (escrow payouts, refunds, the levy). */
    void pay(Address to, UInt256 amount, String prefix) {
        requireWritable();
        if (amount.isZero()) {
            return;
        }
        // Priced as a CALL with value to an account without code: no code runs, so the stipend comes back.
        charge(GasCalc.valueTransfer(NativeGas.FORK, !world.warmAddress(to), world.isEmpty(to)));
        UInt256 held = world.balance(self);
        if (held.compareTo(amount) < 0) {
            // The escrow accounting guarantees this never happens; refusing beats minting coin out of nothing.
            throw new Revert(prefix + "escrow balance is short of the payment");
        }
        world.setBalance(self, held.sub(amount));
        UInt256 before = world.balance(to);
        UInt256 after = before.add(amount);
        if (after.compareTo(before) < 0) {
            throw new Revert(prefix + "recipient balance overflow");
        }
        world.setBalance(to, after);
    }
}
