package org.parkchain.chain;

import java.util.Map;
import org.parkchain.evm.NativeContracts;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;

/** A small world for chain tests: the dev genesis plus two contracts, and signing helpers. */
final class ChainFixture {
    static final PrivateKey ALICE = Genesis.devKeys().get(1);
    static final PrivateKey BOB = Genesis.devKeys().get(2);
    static final Address CAROL = Address.fromLong(0xca401);
    static final Address COINBASE = Address.fromLong(0xc0ffee);
    /** Stores 42 in memory and emits it with LOG1, topic 0xaa. */
    static final Address LOGGER = Address.fromHex("0x000000000000000000000000000000000000c0de");
    static final byte[] LOGGER_CODE = Hex.decode("0x602a60005260aa60206000a100");
    /** Init code deploying a contract whose code is the single byte 0x00 (STOP). */
    static final byte[] DEPLOY_STOP = Hex.decode("0x60016000f3");
    static final UInt256 GWEI = UInt256.of(1_000_000_000L);

    private ChainFixture() {}

    static Genesis genesis() {
        return Genesis.dev().withAlloc(Map.of(LOGGER, new Genesis.GenesisAccount(UInt256.ZERO, 1, LOGGER_CODE, Map.of())));
    }

    static Genesis genesisWithGasLimit(long gasLimit) {
        Genesis g = genesis();
        return new Genesis(g.chainId(), gasLimit, g.baseFeePerGas(), g.timestamp(), g.extraData(), g.coinbase(),
                g.mixHash(), g.forks(), g.alloc(), g.initializers());
    }

    static BlockExecutor executor() {
        return new BlockExecutor(Genesis.DEV_CHAIN_ID, Genesis.DEFAULT_FORKS, NativeContracts.NONE, TransactionAdmission.OPEN);
    }

    static Transaction transfer(PrivateKey from, long nonce, Address to, long wei) {
        return Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(Genesis.DEV_CHAIN_ID).nonce(nonce)
                .maxFeePerGas(GWEI.mul(UInt256.of(3))).maxPriorityFeePerGas(GWEI).gasLimit(21_000).to(to)
                .value(UInt256.of(wei)).sign(from);
    }

    static Transaction call(PrivateKey from, long nonce, Address to, long gas) {
        return Transaction.builder(TransactionType.LEGACY).chainId(Genesis.DEV_CHAIN_ID).nonce(nonce)
                .gasPrice(GWEI.mul(UInt256.of(2))).gasLimit(gas).to(to).sign(from);
    }

    static Transaction create(PrivateKey from, long nonce, byte[] initCode) {
        return Transaction.builder(TransactionType.ACCESS_LIST).chainId(Genesis.DEV_CHAIN_ID).nonce(nonce)
                .gasPrice(GWEI.mul(UInt256.of(2))).gasLimit(100_000).data(initCode).sign(from);
    }

    static BlockExecutor.Proposal proposal(long timestamp) {
        return new BlockExecutor.Proposal(COINBASE, timestamp, new byte[0]);
    }
}
