package org.parkchain.evm;

import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

/** The instructions that read the message, the transaction, the block and other accounts. */
final class Environment {
    private Environment() {}

    static void address(Frame f) {
        f.push(f.self);
    }

    static void caller(Frame f) {
        f.push(f.message.sender());
    }

    static void callValue(Frame f) {
        f.push(f.message.value());
    }

    static void callDataSize(Frame f) {
        f.push(f.callData.length);
    }

    static void codeSize(Frame f) {
        f.push(f.code.length);
    }

    static void returnDataSize(Frame f) {
        f.push(f.returnData.length);
    }

    static void origin(Frame f) {
        f.push(f.ex.tx.origin());
    }

    static void gasPrice(Frame f) {
        f.push(f.ex.tx.gasPrice());
    }

    static void blobHash(Frame f) {
        long index = f.popSaturated();
        List<Hash> hashes = f.ex.tx.blobVersionedHashes();
        if (index < hashes.size()) {
            f.pushBytes32(hashes.get((int) index).bytesUnsafe(), 0);
        } else {
            f.push(0);
        }
    }

    static void coinbase(Frame f) {
        f.push(f.ex.block.coinbase());
    }

    static void timestamp(Frame f) {
        f.push(UInt256.of(f.ex.block.timestamp()));
    }

    static void number(Frame f) {
        f.push(UInt256.of(f.ex.block.number()));
    }

    static void prevRandao(Frame f) {
        f.pushBytes32(f.ex.block.prevRandao().bytesUnsafe(), 0);
    }

    static void gasLimit(Frame f) {
        f.push(UInt256.of(f.ex.block.gasLimit()));
    }

    static void chainId(Frame f) {
        f.push(f.ex.block.chainId());
    }

    static void baseFee(Frame f) {
        f.push(f.ex.block.baseFee());
    }

    static void blobBaseFee(Frame f) {
        f.push(f.ex.block.blobBaseFee());
    }

    /** Only the 256 most recent complete blocks are visible; anything else (including the current one) is zero. */
    static void blockHash(Frame f) {
        long n = f.popSaturated();
        long current = f.ex.block.number();
        if (n < current && n >= current - 256) {
            f.pushBytes32(f.ex.block.blockHashes().hashOf(n).bytesUnsafe(), 0);
        } else {
            f.push(0);
        }
    }

    static void selfBalance(Frame f) {
        f.push(f.ex.world.balance(f.self));
    }

    /** EIP-2929: the first access to an address in a transaction costs 2,600 instead of 100. */
    static void chargeAccountAccess(Frame f, Address a) {
        if (!f.ex.world.warmAddress(a)) f.useGas(f.ex.gas.coldAccountAccess() - f.ex.gas.warmStorageRead());
    }

    static void balance(Frame f) {
        Address a = f.popAddress();
        chargeAccountAccess(f, a);
        f.push(f.ex.world.balance(a));
    }

    static void extCodeSize(Frame f) {
        Address a = f.popAddress();
        chargeAccountAccess(f, a);
        f.push(f.ex.world.code(a).length);
    }

    /** EIP-1052: zero for an account that does not exist or is empty (EIP-161), else the code's Keccak. */
    static void extCodeHash(Frame f) {
        Address a = f.popAddress();
        chargeAccountAccess(f, a);
        WorldView w = f.ex.world;
        if (w.isEmpty(a)) {
            f.push(0);
        } else {
            f.pushBytes32(w.codeHash(a).bytesUnsafe(), 0);
        }
    }

    static void extCodeCopy(Frame f) {
        Address a = f.popAddress();
        long memOffset = f.popSize(), codeOffset = f.popSaturated(), size = f.popSize();
        f.useGas(f.ex.gas.copyWord() * ((size + 31) >>> 5));
        f.expandMemory(memOffset, size);
        chargeAccountAccess(f, a);
        f.copyToMemory(memOffset, f.ex.world.code(a), codeOffset, size);
    }
}
