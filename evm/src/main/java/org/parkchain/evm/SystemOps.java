package org.parkchain.evm;

import static org.parkchain.evm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;

/** LOG0–LOG4, CREATE, CREATE2, the four calls, RETURN, REVERT and SELFDESTRUCT (EIP-6780). */
final class SystemOps {
    private SystemOps() {}

    static void log(Frame f, int topicCount) {
        if (f.isStatic) throw EvmHalt.STATIC;
        long offset = f.popSize(), size = f.popSize();
        List<Hash> topics = new ArrayList<>(topicCount);
        for (int i = 0; i < topicCount; i++) {
            byte[] t = new byte[32];
            f.popBytes32(t, 0);
            topics.add(Hash.wrap(t));
        }
        f.useGas(f.ex.gas.logData() * size);
        f.expandMemory(offset, size);
        Log log = new Log(f.self, topics, f.memoryCopy(offset, size));
        f.ex.world.addLog(log);
        if (f.ex.tracer != null) f.ex.tracer.log(f.depth, log);
    }

    static void ret(Frame f) {
        long offset = f.popSize(), size = f.popSize();
        f.expandMemory(offset, size);
        f.output = f.memoryCopy(offset, size);
    }

    /**
     * CALL, CALLCODE, DELEGATECALL, STATICCALL. The caller pays the access cost (EIP-2929), value transfer and
     * new-account surcharges and memory expansion first; then it can forward at most all but one 64th of what is
     * left (EIP-150). A call with value adds the 2,300 stipend on top, free to the caller. Calling an EIP-7702
     * delegated account also pays for the access to its delegate.
     */
    static void call(Frame f, int op) {
        GasSchedule g = f.ex.gas;
        WorldView w = f.ex.world;
        UInt256 requested = f.pop();
        Address to = f.popAddress();
        UInt256 value = (op == CALL || op == CALLCODE) ? f.pop() : op == DELEGATECALL ? f.message.value() : UInt256.ZERO;
        long inOffset = f.popSize(), inSize = f.popSize(), outOffset = f.popSize(), outSize = f.popSize();
        boolean transfersValue = (op == CALL || op == CALLCODE) && !value.isZero();
        if (op == CALL && f.isStatic && transfersValue) throw EvmHalt.STATIC;
        f.expandMemory(inOffset, inSize);
        f.expandMemory(outOffset, outSize);
        long extra = 0;
        if (!w.warmAddress(to)) extra += g.coldAccountAccess() - g.warmStorageRead();
        if (f.ex.fork.delegations()) {
            // EIP-7702: reaching a delegated account also reads the delegate's code, priced as an access to it.
            java.util.Optional<Address> delegate = Delegation.target(w.code(to));
            if (delegate.isPresent()) extra += w.warmAddress(delegate.get()) ? g.warmStorageRead() : g.coldAccountAccess();
        }
        if (transfersValue) {
            extra += g.callValue();
            if (op == CALL && w.isEmpty(to)) extra += g.newAccount();
        }
        f.useGas(extra);
        long available = f.gas - f.gas / 64;
        long callGas = requested.fitsLong() ? Math.min(requested.u0, available) : available;
        f.useGas(callGas);
        if (transfersValue) callGas += g.callStipend();
        f.returnData = Frame.EMPTY;
        if (f.depth >= g.callDepthLimit() || (transfersValue && w.balance(f.self).lt(value))) {
            f.gas += callGas;
            f.push(0);
            return;
        }
        byte[] input = f.memoryCopy(inOffset, inSize);
        Message child = switch (op) {
            case CALL -> new Message(Message.Kind.CALL, f.self, to, to, value, input, callGas, f.depth + 1, f.isStatic);
            case CALLCODE -> new Message(Message.Kind.CALL, f.self, f.self, to, value, input, callGas, f.depth + 1, f.isStatic);
            case DELEGATECALL -> new Message(Message.Kind.CALL, f.message.sender(), f.self, to, value, input, callGas, f.depth + 1, f.isStatic);
            default -> new Message(Message.Kind.CALL, f.self, to, to, UInt256.ZERO, input, callGas, f.depth + 1, true);
        };
        Tracer tracer = f.ex.tracer;
        if (tracer != null) {
            Tracer.CallType type = switch (op) {
                case CALL -> Tracer.CallType.CALL;
                case CALLCODE -> Tracer.CallType.CALLCODE;
                case DELEGATECALL -> Tracer.CallType.DELEGATECALL;
                default -> Tracer.CallType.STATICCALL;
            };
            tracer.enter(f.depth + 1, type, f.self, to, input, callGas,
                    op == CALL || op == CALLCODE ? value : null);
        }
        ExecutionResult r = f.ex.evm.nested(f.ex, child, op != DELEGATECALL);
        if (tracer != null) tracer.exit(f.depth + 1, r, callGas - r.gasLeft());
        byte[] out = r.output();
        f.returnData = r.outcome() == ExecutionResult.Outcome.HALT ? Frame.EMPTY : out;
        if (outSize > 0 && f.returnData.length > 0) {
            System.arraycopy(f.returnData, 0, f.memory, (int) outOffset, (int) Math.min(outSize, f.returnData.length));
        }
        f.gas += r.gasLeft();
        f.push(r.isSuccess() ? 1 : 0);
    }

    /**
     * CREATE and CREATE2. Init code over the EIP-3860 limit is an exceptional halt of the creator; a creation the
     * creator cannot afford (depth, balance, nonce at its maximum) just pushes 0 and keeps the gas.
     */
    static void create(Frame f, boolean create2) {
        if (f.isStatic) throw EvmHalt.STATIC;
        GasSchedule g = f.ex.gas;
        WorldView w = f.ex.world;
        UInt256 value = f.pop();
        long offset = f.popSize(), size = f.popSize();
        UInt256 salt = create2 ? f.pop() : UInt256.ZERO;
        if (size > g.maxInitCodeSize()) throw EvmHalt.of(HaltReason.INITCODE_SIZE_EXCEEDED);
        long words = (size + 31) >>> 5;
        f.useGas(g.initCodeWord() * words + (create2 ? g.keccakWord() * words : 0));
        f.expandMemory(offset, size);
        byte[] initCode = f.memoryCopy(offset, size);
        f.returnData = Frame.EMPTY;
        long nonce = w.nonce(f.self);
        if (f.depth >= g.callDepthLimit() || w.balance(f.self).lt(value) || nonce == -1L) {
            f.push(0);
            return;
        }
        w.setNonce(f.self, nonce + 1);
        Address address = create2
                ? ContractAddress.forCreate2(f.self, salt, Keccak.keccak256(initCode))
                : ContractAddress.forCreate(f.self, nonce);
        long callGas = f.gas - f.gas / 64;
        f.useGas(callGas);
        Message child = new Message(Message.Kind.CREATE, f.self, address, address, value, initCode, callGas, f.depth + 1, false);
        Tracer tracer = f.ex.tracer;
        if (tracer != null) {
            tracer.enter(f.depth + 1, create2 ? Tracer.CallType.CREATE2 : Tracer.CallType.CREATE, f.self, address,
                    initCode, callGas, value);
        }
        ExecutionResult r = f.ex.evm.nested(f.ex, child, true);
        if (tracer != null) tracer.exit(f.depth + 1, r, callGas - r.gasLeft());
        f.gas += r.gasLeft();
        if (r.isSuccess()) {
            f.push(address);
        } else {
            if (r.outcome() == ExecutionResult.Outcome.REVERT) f.returnData = r.output();
            f.push(0);
        }
    }

    /**
     * EIP-6780: the balance always moves to the beneficiary; the account itself is only deleted (at the end of the
     * transaction) when it was created in this transaction — then a beneficiary equal to itself burns the balance.
     */
    static void selfDestruct(Frame f) {
        if (f.isStatic) throw EvmHalt.STATIC;
        GasSchedule g = f.ex.gas;
        WorldView w = f.ex.world;
        Address beneficiary = f.popAddress();
        long cost = 0;
        if (!w.warmAddress(beneficiary)) cost += g.coldAccountAccess();
        UInt256 balance = w.balance(f.self);
        if (!balance.isZero() && w.isEmpty(beneficiary)) cost += g.selfDestructNewAccount();
        f.useGas(cost);
        boolean created = w.createdInThisTransaction(f.self);
        if (!beneficiary.equals(f.self)) {
            if (!balance.isZero()) {
                if (!f.ex.evm.allowsPayout(f.ex, beneficiary, balance)) throw EvmHalt.of(HaltReason.REFUSED_BY_CHAIN_RULES);
                w.setBalance(f.self, UInt256.ZERO);
                w.setBalance(beneficiary, w.balance(beneficiary).add(balance));
            } else {
                Evm.touch(w, beneficiary);
            }
        } else if (created) {
            w.setBalance(f.self, UInt256.ZERO);
        }
        if (created) w.markSelfDestructed(f.self);
        Tracer tracer = f.ex.tracer;
        if (tracer != null) {
            tracer.enter(f.depth + 1, Tracer.CallType.SELFDESTRUCT, f.self, beneficiary, Frame.EMPTY, 0, balance);
            tracer.exit(f.depth + 1, ExecutionResult.success(0, Frame.EMPTY), 0);
        }
    }
}
