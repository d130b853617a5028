package org.parkchain.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.parkchain.evm.ContractAddress;
import org.parkchain.evm.Delegation;
import org.parkchain.evm.Evm;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.evm.Fork;
import org.parkchain.evm.Message;
import org.parkchain.evm.NativeContracts;
import org.parkchain.evm.TxContext;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.AccessListEntry;
import org.parkchain.primitives.tx.Authorization;
import org.parkchain.primitives.tx.InvalidTransaction;
import org.parkchain.primitives.tx.StatelessRules;
import org.parkchain.state.WorldState;

/**
 * Applies one transaction to the world state under the rules of the fork its block is in ({@link BlockEnvironment#fork()}):
 * validity checks (none of which changes anything when it fails), the purchase of gas, EIP-2929/2930/3651 warming,
 * EIP-7702 authorizations, the EVM run, the EIP-3529 refund, the EIP-7623 floor, the EIP-1559 fee split (base fee
 * burnt, priority fee to the coinbase) and the end-of-transaction cleanup. Every limit and price comes from the fork.
 */
public final class TransactionProcessor {
    private final NativeContracts nativeContracts;

    /** @param nativeContracts contracts implemented in Java (the park's system contracts), called like any other */
    public TransactionProcessor(NativeContracts nativeContracts) {
        this.nativeContracts = nativeContracts;
    }

    /** The EVM of {@code fork} with this processor's native contracts (cheap: code analyses live with the fork). */
    Evm evm(Fork fork) {
        return new Evm(fork, nativeContracts);
    }

    /**
     * Executes {@code tx} against {@code state}. A rejected transaction leaves the state as
     * it was; an executed one ends with {@link WorldState#endTransaction()} already called.
     */
    public TransactionResult process(WorldState state, BlockEnvironment block, ExecutableTransaction tx) {
        return process(state, block, tx, block.gasLimit());
    }

    /**
     * As {@link #process(WorldState, BlockEnvironment, ExecutableTransaction)}, for a transaction that follows others
     * in its block: it must fit in {@code blockGasRemaining}, the block's gas limit less the gas already used.
     */
    public TransactionResult process(WorldState state, BlockEnvironment block, ExecutableTransaction tx, long blockGasRemaining) {
        return process(state, block, tx, blockGasRemaining, null);
    }

    /**
     * As {@link #process(WorldState, BlockEnvironment, ExecutableTransaction, long)}, its EVM execution watched by
     * {@code tracer} (null for none: debug_trace* pass one).
     *
     * @throws org.parkchain.evm.ExecutionInterrupted when the thread is interrupted meanwhile; the state is spoilt
     */
    public TransactionResult process(WorldState state, BlockEnvironment block, ExecutableTransaction tx, long blockGasRemaining,
                                     org.parkchain.evm.Tracer tracer) {
        Address sender = tx.sender();
        Fork fork = block.fork();
        Optional<TransactionResult.Rejected> invalid = validate(state, block, tx, sender, blockGasRemaining);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        if (tracer != null) tracer.begin(state, sender, block.coinbase());
        UInt256 gasPrice = effectiveGasPrice(tx, block.baseFee());
        long blobGas = (long) tx.blobVersionedHashes().size() * BlobGas.GAS_PER_BLOB;
        UInt256 blobFee = UInt256.of(blobGas).mul(block.blobBaseFee());

        // Buying the gas up front: what is left over is given back after execution. Validation proved it affordable.
        long nonce = state.nonce(sender);
        state.setBalance(sender, state.balance(sender).sub(UInt256.of(tx.gasLimit()).mul(gasPrice)).sub(blobFee));
        state.setNonce(sender, nonce + 1);

        Optional<Address> to = tx.to();
        Address recipient = to.orElseGet(() -> ContractAddress.forCreate(sender, nonce));
        warm(state, block, tx, sender, recipient);
        if (!tx.authorizationList().isEmpty()) {
            authorize(state, block, tx.authorizationList());
        }
        if (fork.delegations() && to.isPresent()) {
            // Warm the recipient's delegate once the authorizations have settled who it is (as geth does).
            Delegation.target(state.code(recipient)).ifPresent(state::warmAddress);
        }

        long gas = tx.gasLimit() - tx.intrinsicGas(fork.intrinsicGas());
        TxContext txContext = new TxContext(sender, gasPrice, tx.blobVersionedHashes());
        Message message = to.isPresent()
                ? Message.call(sender, recipient, tx.value(), tx.data(), gas)
                : Message.create(sender, recipient, tx.value(), tx.data(), gas);
        ExecutionResult result = evm(fork).execute(message, state, block.toBlockContext(), txContext, tracer);

        long gasUsed = tx.gasLimit() - result.gasLeft();
        long floor = fork.intrinsicGas().floor(tx.data());
        long peakGasUsed = Math.max(gasUsed, floor);
        long refund = Math.min(Math.max(state.refund(), 0), gasUsed / fork.gas().maxRefundQuotient());
        gasUsed -= refund;
        // EIP-7623: a transaction pays at least its calldata floor (the limit was checked to cover it).
        gasUsed = Math.max(gasUsed, floor);
        long gasReturned = tx.gasLimit() - gasUsed;
        state.setBalance(sender, state.balance(sender).add(UInt256.of(gasReturned).mul(gasPrice)));
        // The coinbase is credited even with a zero tip: that touch matters to EIP-161 when it is empty.
        UInt256 tip = gasPrice.sub(block.baseFee());
        state.setBalance(block.coinbase(), state.balance(block.coinbase()).add(UInt256.of(gasUsed).mul(tip)));

        List<org.parkchain.evm.Log> logs = result.isSuccess() ? state.logs() : List.of();
        state.endTransaction();
        if (tracer != null) tracer.end(state);
        return new TransactionResult.Executed(result.isSuccess(), gasUsed, logs, result.output(), result.createdAddress(),
                result.failureMessage(), peakGasUsed);
    }

    /**
     * EIP-7702: applies each authorization in order, skipping (not refusing) one that does not hold — another chain's
     * id, a nonce at its maximum, a signature that recovers no authority, an authority with code of its own or at
     * another nonce. A valid one makes the authority's code the designator (or clears it for the zero address) and
     * bumps its nonce; for an authority that already existed, the 25,000 charged up front for a new account are
     * partly refunded (12,500, subject to the refund cap).
     */
    private static void authorize(WorldState state, BlockEnvironment block, List<Authorization> authorizations) {
        for (Authorization auth : authorizations) {
            if (!auth.chainId().isZero() && !auth.chainId().equals(block.chainId())) continue;
            if (auth.nonce() == -1L) continue;
            Optional<Address> recovered = auth.authority();
            if (recovered.isEmpty()) continue;
            Address authority = recovered.get();
            state.warmAddress(authority);
            byte[] code = state.code(authority);
            if (code.length != 0 && !Delegation.isDesignator(code)) continue;
            if (state.nonce(authority) != auth.nonce()) continue;
            if (state.exists(authority)) {
                state.addRefund(block.fork().intrinsicGas().authorization() - PER_AUTH_BASE_COST);
            }
            state.setCode(authority, auth.address().equals(Address.ZERO) ? new byte[0] : Delegation.designator(auth.address()));
            state.setNonce(authority, auth.nonce() + 1);
        }
    }

    /** EIP-7702 PER_AUTH_BASE_COST: what an authorization costs when its authority already exists. */
    private static final long PER_AUTH_BASE_COST = 12_500;

    /** EIP-1559: the fee cap, or base fee plus the tip cap when that is lower; a legacy gas price is both caps. */
    static UInt256 effectiveGasPrice(ExecutableTransaction tx, UInt256 baseFee) {
        UInt256 withTip = baseFee.add(tx.maxPriorityFeePerGas());
        return withTip.compareTo(tx.maxFeePerGas()) < 0 ? withTip : tx.maxFeePerGas();
    }

    /** EIP-2929 pre-warming: sender, recipient, coinbase (EIP-3651), precompiles, and the EIP-2930 access list. */
    private static void warm(WorldState state, BlockEnvironment block, ExecutableTransaction tx, Address sender, Address recipient) {
        state.warmAddress(sender);
        state.warmAddress(recipient);
        state.warmAddress(block.coinbase());
        for (Address precompile : block.fork().precompiles().addresses()) {
            state.warmAddress(precompile);
        }
        for (AccessListEntry entry : tx.accessList()) {
            state.warmAddress(entry.address());
            for (Hash key : entry.storageKeys()) {
                state.warmSlot(entry.address(), UInt256.fromBytes(key.bytesUnsafe()));
            }
        }
    }

    private static Optional<TransactionResult.Rejected> validate(
            WorldState state, BlockEnvironment block, ExecutableTransaction tx, Address sender, long blockGasRemaining) {
        Fork fork = block.fork();
        if (!fork.transactionTypes().contains(tx.type())) {
            return reject(InvalidTransaction.TYPE_NOT_SUPPORTED, "transaction type " + tx.type().id() + " is not accepted under "
                    + fork.name());
        }
        if (Long.compareUnsigned(tx.gasLimit(), fork.maxTransactionGas()) > 0) {
            return reject(InvalidTransaction.GAS_LIMIT_ABOVE_CAP, "transaction gas limit too high (cap: "
                    + fork.maxTransactionGas() + ", tx: " + Long.toUnsignedString(tx.gasLimit()) + ")");
        }
        Optional<StatelessRules.Refusal> stateless =
                StatelessRules.check(tx, block.chainId(), fork.intrinsicGas(), fork.gas().maxInitCodeSize());
        if (stateless.isPresent()) {
            return reject(stateless.get().reason(), stateless.get().detail());
        }
        long nonce = state.nonce(sender);
        if (tx.nonce() != nonce) {
            return reject(Long.compareUnsigned(tx.nonce(), nonce) < 0 ? InvalidTransaction.NONCE_TOO_LOW : InvalidTransaction.NONCE_TOO_HIGH,
                    "nonce " + Long.toUnsignedString(tx.nonce()) + ", account has " + Long.toUnsignedString(nonce));
        }
        // EIP-3607: an address with code cannot have a private key anyone knows; an EIP-7702 delegation is not code.
        // A sender asserted rather than signed for (a call, an impersonation on a dev chain) needs no key.
        if (!tx.senderAsserted() && !state.codeHash(sender).equals(Hash.EMPTY_KECCAK)
                && !(fork.delegations() && Delegation.isDesignator(state.code(sender)))) {
            return reject(InvalidTransaction.SENDER_NOT_EOA, "sender " + sender + " has code");
        }
        if (Long.compareUnsigned(tx.gasLimit(), blockGasRemaining) > 0) {
            return reject(InvalidTransaction.BLOCK_GAS_EXHAUSTED,
                    "gas limit " + Long.toUnsignedString(tx.gasLimit()) + " above the block's remaining " + blockGasRemaining);
        }
        if (tx.maxFeePerGas().compareTo(block.baseFee()) < 0) {
            return reject(InvalidTransaction.FEE_CAP_TOO_LOW,
                    "max fee " + tx.maxFeePerGas() + " below the base fee " + block.baseFee());
        }
        List<Hash> blobs = tx.blobVersionedHashes();
        if (tx.blobTransaction()) {
            if (tx.to().isEmpty()) {
                return reject(InvalidTransaction.BLOB_CREATE, "a blob transaction cannot create a contract");
            }
            if (blobs.isEmpty()) {
                return reject(InvalidTransaction.NO_BLOBS, "a blob transaction carries at least one blob");
            }
            if (blobs.size() > fork.blobs().max()) {
                return reject(InvalidTransaction.TOO_MANY_BLOBS,
                        blobs.size() + " blobs, at most " + fork.blobs().max());
            }
            for (Hash h : blobs) {
                if (h.bytesUnsafe()[0] != BlobGas.VERSIONED_HASH_VERSION_KZG) {
                    return reject(InvalidTransaction.INVALID_BLOB_HASH, "versioned hash " + h);
                }
            }
            if (tx.maxFeePerBlobGas().compareTo(block.blobBaseFee()) < 0) {
                return reject(InvalidTransaction.BLOB_FEE_CAP_TOO_LOW,
                        "max fee per blob gas " + tx.maxFeePerBlobGas() + " below the blob base fee " + block.blobBaseFee());
            }
        }
        // The sender must afford the worst case: every unit of gas at the fee cap, the value, and every blob.
        BigInteger worstCase = BigInteger.valueOf(tx.gasLimit()).multiply(tx.maxFeePerGas().toBigInteger())
                .add(tx.value().toBigInteger())
                .add(BigInteger.valueOf(blobs.size() * BlobGas.GAS_PER_BLOB).multiply(tx.maxFeePerBlobGas().toBigInteger()));
        if (worstCase.bitLength() > 256) {
            return reject(InvalidTransaction.FEE_OVERFLOW, "gas limit times max fee exceeds 2^256");
        }
        if (state.balance(sender).toBigInteger().compareTo(worstCase) < 0) {
            return reject(InvalidTransaction.INSUFFICIENT_FUNDS,
                    "balance " + state.balance(sender) + " below gas limit * max fee + value = " + worstCase);
        }
        return Optional.empty();
    }

    private static Optional<TransactionResult.Rejected> reject(InvalidTransaction reason, String detail) {
        return Optional.of(new TransactionResult.Rejected(reason, detail));
    }
}
