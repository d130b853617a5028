package org.parkchain.rpc.eth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parkchain.chain.Block;
import org.parkchain.chain.BlockEnvironment;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.Bloom;
import org.parkchain.chain.ExecutableTransaction;
import org.parkchain.chain.FeeMarket;
import org.parkchain.chain.IndexedTrie;
import org.parkchain.chain.Receipt;
import org.parkchain.chain.TransactionResult;
import org.parkchain.evm.BlockContext.BlockHashes;
import org.parkchain.evm.Fork;
import org.parkchain.evm.Log;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.InvalidTransaction;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;
import org.parkchain.rpc.RpcError;
import org.parkchain.rpc.RpcException;
import org.parkchain.state.WorldState;
import org.parkchain.state.WriteBatch;

/**
 * Runs an eth_simulateV1 request on a throw-away copy of the state at a base block, as geth's simulator does: the
 * blocks follow the base one by one (numbers and timestamps checked to increase; a gap in the numbers is filled with
 * empty blocks 12 seconds apart; a block without a timestamp gets its parent's plus 12), each block's state overrides
 * apply before its calls, and each call sees the state the calls before it left. Without {@code validation} a call is
 * eth_call (its nonce is the account's, no fee fields means a zero price, the base fee is 0 unless overridden);
 * with it, the nonce, the fee cap against the base fee and the funds are checked as a block would check them. The
 * sender's code is never checked (a simulation asserts its senders, geth's rule) — the calls become transactions with
 * an {@link org.parkchain.primitives.tx.ImpersonatedSender} signature, which a block hash, the transaction list and
 * {@code returnFullTransactions} show. A call the block would refuse fails the whole request with geth's code.
 *
 * <p>Not simulated: the EIP-2935 parent-hash system call at the start of each block (BLOCKHASH itself answers for
 * the simulated blocks), and {@code movePrecompileToAddress} (refused when asked for).
 */
final class Simulator {
    /** geth's limits: blocks (gaps included), calls in one block, calls in all. */
    static final int MAX_BLOCKS = 256;
    static final int MAX_CALLS_PER_BLOCK = 5_000;
    static final int MAX_CALLS = 10_000;
    /** geth's default step between simulated block timestamps. */
    static final long TIMESTAMP_INCREMENT = 12;

    // geth's error codes for eth_simulateV1 (internal/ethapi/errors.go)
    static final int NONCE_TOO_LOW = -38010;
    static final int NONCE_TOO_HIGH = -38011;
    static final int BASE_FEE_TOO_LOW = -38012;
    static final int INTRINSIC_GAS = -38013;
    static final int INSUFFICIENT_FUNDS = -38014;
    static final int BLOCK_GAS_LIMIT_REACHED = -38015;
    static final int BLOCK_NUMBER_INVALID = -38020;
    static final int BLOCK_TIMESTAMP_INVALID = -38021;
    static final int MAX_INIT_CODE_SIZE_EXCEEDED = -38025;
    static final int CLIENT_LIMIT_EXCEEDED = -38026;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL = -32603;
    /** A call's own failure (not a revert): its error member's code. */
    static final int VM_ERROR = -32015;
    /** A call's revert: its error member's code, as eth_call's. */
    static final int REVERTED = 3;

    /** One call's outcome, as the result's {@code calls} member shows it. */
    record CallOutcome(byte[] returnData, List<Log> logs, long gasUsed, long maxUsedGas, boolean success,
                       Optional<CallError> error) {}

    /** A failed call's {@code error} member: revert (code 3, data = revert output) or a halt (code -32015). */
    record CallError(String message, int code, Optional<byte[]> data) {}

    /** A simulated block: its header and hash, its transactions with their senders, and each call's outcome. */
    record SimulatedBlock(BlockHeader header, Hash hash, long size, List<Transaction> transactions,
                          List<Address> senders, List<CallOutcome> calls) {}

    private final EthBackend backend;
    private final long gasCap;

    /** @param gasCap the gas all the calls of one request may use together (the RPC gas cap, as geth) */
    Simulator(EthBackend backend, long gasCap) {
        this.backend = backend;
        this.gasCap = gasCap;
    }

    /** Checks the request's size against geth's limits before anything runs. */
    static void checkLimits(SimulateRequest request) {
        if (request.blocks().isEmpty()) {
            throw error(INVALID_PARAMS, "empty input");
        }
        if (request.blocks().size() > MAX_BLOCKS) {
            throw error(CLIENT_LIMIT_EXCEEDED, "too many blocks");
        }
        int total = 0;
        for (SimulateRequest.BlockCalls block : request.blocks()) {
            int calls = block.calls().size();
            if (calls > MAX_CALLS_PER_BLOCK) {
                throw error(CLIENT_LIMIT_EXCEEDED, "too many calls in block: " + calls + " > " + MAX_CALLS_PER_BLOCK);
            }
            total += calls;
            if (total > MAX_CALLS) {
                throw error(CLIENT_LIMIT_EXCEEDED, "too many calls: " + total + " > " + MAX_CALLS);
            }
        }
    }

    List<SimulatedBlock> run(SimulateRequest request, BlockHeader base, Hash baseHash) {
        checkLimits(request);
        List<SimulateRequest.BlockCalls> blocks = withNumbersAndTimes(request.blocks(), base);
        WorldState state = backend.state(base);
        Map<Long, Hash> simulatedHashes = new HashMap<>();
        // BLOCKHASH: the simulated blocks after the base, the canonical chain up to it.
        BlockHashes hashes = n -> n > base.number()
                ? simulatedHashes.getOrDefault(n, Hash.ZERO)
                : backend.block(n).map(EthBackend.ChainBlock::hash).orElse(Hash.ZERO);
        List<SimulatedBlock> out = new ArrayList<>(blocks.size());
        BlockHeader parent = base;
        Hash parentHash = baseHash;
        long gasLeft = gasCap;
        for (SimulateRequest.BlockCalls block : blocks) {
            SimulatedBlock simulated = runBlock(block, parent, parentHash, state, hashes, request, gasLeft);
            for (CallOutcome c : simulated.calls()) {
                gasLeft -= c.gasUsed();
            }
            simulatedHashes.put(simulated.header().number(), simulated.hash());
            out.add(simulated);
            parent = simulated.header();
            parentHash = simulated.hash();
        }
        return out;
    }

    /**
     * geth's sanitizeChain: every block gets a number (the previous plus one) and a timestamp (the previous plus 12);
     * both must increase, the numbers may jump (the gap is filled with empty blocks), and no block may be more than
     * {@link #MAX_BLOCKS} after the base.
     */
    static List<SimulateRequest.BlockCalls> withNumbersAndTimes(List<SimulateRequest.BlockCalls> blocks, BlockHeader base) {
        List<SimulateRequest.BlockCalls> out = new ArrayList<>();
        long prevNumber = base.number();
        long prevTime = base.timestamp();
        for (SimulateRequest.BlockCalls block : blocks) {
            SimulateRequest.BlockOverrides o = block.overrides();
            long number = o.number().orElse(prevNumber + 1);
            if (Long.compareUnsigned(number, prevNumber) <= 0) {
                throw error(BLOCK_NUMBER_INVALID, "block numbers must be in order: " + Long.toUnsignedString(number)
                        + " <= " + prevNumber);
            }
            if (Long.compareUnsigned(number - base.number(), MAX_BLOCKS) > 0) {
                throw error(CLIENT_LIMIT_EXCEEDED, "too many blocks");
            }
            for (long gap = prevNumber + 1; gap < number; gap++) {
                prevTime += TIMESTAMP_INCREMENT;
                out.add(new SimulateRequest.BlockCalls(new SimulateRequest.BlockOverrides(Optional.of(gap),
                        Optional.of(prevTime), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                        StateOverrides.NONE, List.of()));
            }
            long time;
            if (o.time().isPresent()) {
                time = o.time().get();
                if (Long.compareUnsigned(time, prevTime) <= 0) {
                    throw error(BLOCK_TIMESTAMP_INVALID, "block timestamps must be in order: "
                            + Long.toUnsignedString(time) + " <= " + prevTime);
                }
            } else {
                time = prevTime + TIMESTAMP_INCREMENT;
            }
            out.add(new SimulateRequest.BlockCalls(new SimulateRequest.BlockOverrides(Optional.of(number),
                    Optional.of(time), o.gasLimit(), o.feeRecipient(), o.prevRandao(), o.baseFeePerGas()),
                    block.state(), block.calls()));
            prevNumber = number;
            prevTime = time;
        }
        return out;
    }

    private SimulatedBlock runBlock(SimulateRequest.BlockCalls block, BlockHeader parent, Hash parentHash,
                                    WorldState state, BlockHashes hashes, SimulateRequest request, long gasLeft) {
        SimulateRequest.BlockOverrides o = block.overrides();
        long number = o.number().orElseThrow();
        long timestamp = o.time().orElseThrow();
        long gasLimit = o.gasLimit().orElse(parent.gasLimit());
        Address coinbase = o.feeRecipient().orElse(parent.coinbase());
        Hash prevRandao = o.prevRandao().orElse(Hash.ZERO);
        // Without validation the base fee is 0 unless overridden, so that calls paying nothing run (geth).
        UInt256 baseFee = o.baseFeePerGas().orElseGet(
                () -> request.validation() ? FeeMarket.nextBaseFee(parent) : UInt256.ZERO);
        Fork fork = backend.forks().forkAt(timestamp);
        UInt256 chainId = UInt256.of(backend.chainId());
        try {
            block.state().applyTo(state);
        } catch (IllegalArgumentException e) {
            throw error(INVALID_PARAMS, e.getMessage());
        }

        List<Transaction> txs = new ArrayList<>();
        List<Address> senders = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        List<CallOutcome> outcomes = new ArrayList<>();
        long gasUsed = 0;
        for (CallRequest call : block.calls()) {
            Address from = call.from().orElse(Address.ZERO);
            long nonce = request.validation() ? call.nonce().orElseGet(() -> state.nonce(from)) : state.nonce(from);
            long remaining = gasLimit - gasUsed;
            long gas = call.gas().orElse(Math.min(remaining, fork.maxTransactionGas()));
            if (Long.compareUnsigned(gas, remaining) > 0) {
                throw error(BLOCK_GAS_LIMIT_REACHED, "block gas limit reached: " + gasUsed + " + " + gas + " > " + gasLimit);
            }
            long budget = gasLeft - gasUsed;
            if (Long.compareUnsigned(gas, budget) > 0) {
                gas = budget; // geth caps each call at what is left of the gas cap
            }
            UInt256 maxFee;
            UInt256 tip;
            if (call.gasPrice().isPresent()) {
                maxFee = call.gasPrice().get();
                tip = maxFee;
            } else {
                maxFee = call.maxFeePerGas().orElse(UInt256.ZERO);
                tip = call.maxPriorityFeePerGas().orElse(UInt256.ZERO);
            }
            // geth: without validation a call that pays nothing runs with a zero base fee (NoBaseFee).
            UInt256 callBaseFee = !request.validation() && maxFee.isZero() && tip.isZero() ? UInt256.ZERO : baseFee;
            BlockEnvironment env = new BlockEnvironment(fork, coinbase, number, timestamp, gasLimit, callBaseFee,
                    prevRandao, 0, chainId, hashes);
            TransactionType type = call.authorizationList().isPresent() ? TransactionType.SET_CODE : TransactionType.DYNAMIC_FEE;
            if (type == TransactionType.SET_CODE && call.to().isEmpty()) {
                throw error(INVALID_PARAMS, "EIP-7702 transaction cannot be used to create contract");
            }
            ExecutableTransaction etx = new ExecutableTransaction(type, from, nonce, gas, call.to(),
                    call.value().orElse(UInt256.ZERO), call.input(), maxFee, tip, call.accessList().orElse(List.of()),
                    call.authorizationList().orElse(List.of()), UInt256.ZERO, List.of(), Optional.of(chainId), true);
            TransferLogs transfers = request.traceTransfers() ? new TransferLogs(state) : null;
            TransactionResult result = backend.processor().process(state, env, etx, remaining, transfers);
            TransactionResult.Executed executed = switch (result) {
                case TransactionResult.Rejected r -> throw rejection(r);
                case TransactionResult.Executed e -> e;
            };
            gasUsed += executed.gasUsed();
            Transaction.Builder b = Transaction.builder(type).chainId(backend.chainId()).nonce(nonce).gasLimit(gas)
                    .value(etx.value()).data(etx.data()).maxFeePerGas(maxFee).maxPriorityFeePerGas(tip)
                    .accessList(etx.accessList());
            call.to().ifPresent(b::to);
            if (type == TransactionType.SET_CODE) {
                b.authorizationList(etx.authorizationList());
            }
            txs.add(b.impersonate(from));
            senders.add(from);
            receipts.add(Receipt.of(type, executed.success(), gasUsed, executed.logs()));
            List<Log> logs = transfers != null ? transfers.merge(executed.logs()) : executed.logs();
            outcomes.add(outcome(executed, logs));
        }
        Hash stateRoot = state.commit(new WriteBatch()); // the nodes stay in the state's tries; the batch is dropped
        List<byte[]> encodings = txs.stream().map(Transaction::encode).toList();
        BlockHeader header = new BlockHeader(parentHash, BlockHeader.EMPTY_OMMERS_HASH, coinbase, stateRoot,
                IndexedTrie.root(encodings), IndexedTrie.root(receipts.stream().map(Receipt::encode).toList()),
                Bloom.union(receipts.stream().map(Receipt::bloom).toList()), UInt256.ZERO, number, gasLimit, gasUsed,
                timestamp, new byte[0], prevRandao, 0, baseFee, Hash.EMPTY_TRIE_ROOT, 0, 0, Hash.ZERO,
                fork.requestsHash() ? Optional.of(BlockHeader.EMPTY_REQUESTS_HASH) : Optional.empty());
        Block simulated = new Block(header, txs);
        return new SimulatedBlock(header, header.hash(), simulated.encode().length, txs, senders, outcomes);
    }

    private static CallOutcome outcome(TransactionResult.Executed e, List<Log> logs) {
        if (e.success()) {
            return new CallOutcome(e.output(), logs, e.gasUsed(), e.peakGasUsed(), true, Optional.empty());
        }
        byte[] output = e.output();
        // A halt other than REVERT (out of gas, invalid opcode, …) is -32015 with geth's words; a revert is code 3
        // with its output as data and the decoded reason in the message, as eth_call answers it.
        Optional<CallError> error = "execution reverted".equals(e.failure()) || output.length > 0
                ? Optional.of(new CallError(RevertReason.decode(output).map(r -> "execution reverted: " + r)
                        .orElse("execution reverted"), REVERTED, Optional.of(output)))
                : Optional.of(new CallError(e.failure(), VM_ERROR, Optional.empty()));
        return new CallOutcome(new byte[0], logs, e.gasUsed(), e.peakGasUsed(), false, error);
    }

    /** A call the simulated block refuses: the whole request fails with geth's code for the reason. */
    private static RpcException rejection(TransactionResult.Rejected r) {
        InvalidTransaction reason = r.reason();
        int code = switch (reason) {
            case NONCE_TOO_LOW -> NONCE_TOO_LOW;
            case NONCE_TOO_HIGH, NONCE_MAX -> NONCE_TOO_HIGH;
            case FEE_CAP_TOO_LOW -> BASE_FEE_TOO_LOW;
            case INTRINSIC_GAS_TOO_LOW, FLOOR_GAS_TOO_LOW -> INTRINSIC_GAS;
            case INSUFFICIENT_FUNDS -> INSUFFICIENT_FUNDS;
            case BLOCK_GAS_EXHAUSTED, GAS_LIMIT_ABOVE_CAP, GAS_LIMIT_EXCEEDED -> BLOCK_GAS_LIMIT_REACHED;
            case INITCODE_TOO_LARGE -> MAX_INIT_CODE_SIZE_EXCEEDED;
            case TIP_ABOVE_FEE_CAP, FEE_OVERFLOW, TYPE_NOT_SUPPORTED, INVALID_CHAIN_ID, EMPTY_AUTHORIZATION_LIST,
                 SET_CODE_CREATE -> INVALID_PARAMS;
            default -> INTERNAL;
        };
        return error(code, reason.text() + ": " + r.detail());
    }

    static RpcException error(int code, String message) {
        return switch (code) {
            case INVALID_PARAMS -> new RpcError.InvalidParams(message).toException();
            case INTERNAL -> new RpcError.InternalError(message).toException();
            default -> new RpcError.MethodError(code, message).toException();
        };
    }
}
