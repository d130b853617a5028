package org.parkchain.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.parkchain.chain.BlockEnvironment;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.ExecutableTransaction;
import org.parkchain.chain.FeeMarket;
import org.parkchain.chain.TransactionReceipt;
import org.parkchain.chain.TransactionResult;
import org.parkchain.evm.ContractAddress;
import org.parkchain.evm.Log;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.AccessListEntry;
import org.parkchain.primitives.tx.IntrinsicGas;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;
import org.parkchain.rpc.BlockSelector;
import org.parkchain.rpc.InvalidEncodingException;
import org.parkchain.rpc.LogFilter;
import org.parkchain.rpc.RpcEncoding;
import org.parkchain.rpc.RpcError;
import org.parkchain.rpc.RpcException;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.RpcParams;
import org.parkchain.rpc.SubscriptionHub;
import org.parkchain.state.StateProof;
import org.parkchain.state.WorldState;

/**
 * The eth_* methods over an {@link EthBackend}, with geth's parameters, result shapes and error texts. The node
 * registers them with {@link #registerInto} and feeds {@link #onNewBlock} and {@link #onPendingTransaction} so that
 * subscriptions and polling filters see new blocks, logs and pool arrivals.
 */
public final class EthApi {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** The tip suggested by eth_maxPriorityFeePerGas and used by eth_sendTransaction when none is given: 1 gwei. */
    public static final UInt256 SUGGESTED_TIP = UInt256.of(1_000_000_000L);
    private static final int MAX_PERCENTILES = 100;

    private final EthBackend backend;
    private final EthApiConfig config;
    private final SubscriptionHub hub;
    private final Filters filters;
    private final Map<Address, PrivateKey> signers;

    /**
     * @param signers the accounts eth_sendTransaction may sign for (the dev accounts with {@code --dev}; otherwise
     *                none, and eth_accounts is empty)
     */
    public EthApi(EthBackend backend, EthApiConfig config, SubscriptionHub hub, List<PrivateKey> signers) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.config = Objects.requireNonNull(config, "config");
        this.hub = Objects.requireNonNull(hub, "hub");
        this.filters = new Filters(config.filterTimeout(), config.maxFilters());
        Map<Address, PrivateKey> byAddress = new LinkedHashMap<>();
        signers.forEach(k -> byAddress.put(k.address(), k));
        this.signers = java.util.Collections.unmodifiableMap(byAddress);
    }

    public Filters filters() {
        return filters;
    }

    public void registerInto(RpcMethods m) {
        m.register("eth_chainId", p -> {
            p.requireAtMost(0);
            return RpcEncoding.quantity(backend.chainId());
        });
        m.register("eth_syncing", p -> {
            p.requireAtMost(0);
            return false;
        });
        m.register("eth_accounts", p -> {
            p.requireAtMost(0);
            ArrayNode list = F.arrayNode();
            signers.keySet().forEach(a -> list.add(a.toHex()));
            return list;
        });
        m.register("eth_blockNumber", p -> {
            p.requireAtMost(0);
            return RpcEncoding.quantity(backend.head().header().number());
        });
        m.register("eth_getBalance", p -> {
            p.requireAtMost(2);
            Address who = p.required(0, RpcParams.ADDRESS);
            return RpcEncoding.quantity(stateAt(blockParam(p, 1)).balance(who));
        });
        m.register("eth_getTransactionCount", p -> {
            p.requireAtMost(2);
            Address who = p.required(0, RpcParams.ADDRESS);
            BlockSelector selector = blockParam(p, 1);
            long nonce = stateAt(selector).nonce(who);
            if (selector == BlockSelector.Tag.PENDING) {
                nonce = Math.max(nonce, backend.pendingNonce(who));
            }
            return RpcEncoding.quantity(nonce);
        });
        m.register("eth_getCode", p -> {
            p.requireAtMost(2);
            Address who = p.required(0, RpcParams.ADDRESS);
            // The park's system contracts and tokens carry their marker code in the state itself.
            return Hex.encode(stateAt(blockParam(p, 1)).code(who));
        });
        m.register("eth_getStorageAt", p -> {
            p.requireAtMost(3);
            Address who = p.required(0, RpcParams.ADDRESS);
            UInt256 slot = p.required(1, EthApi::storageKey);
            return Hex.encode(stateAt(blockParam(p, 2)).storage(who, slot).toBytes32());
        });
        m.register("eth_getProof", p -> {
            p.requireAtMost(3);
            Address who = p.required(0, RpcParams.ADDRESS);
            JsonNode keysNode = p.required(1, node -> {
                if (!node.isArray()) {
                    throw new InvalidEncodingException("expected an array of storage keys");
                }
                return node;
            });
            List<UInt256> keys = new ArrayList<>();
            for (int i = 0; i < keysNode.size(); i++) {
                try {
                    keys.add(storageKey(keysNode.get(i)));
                } catch (InvalidEncodingException e) {
                    throw invalidParams("invalid argument 1: [" + i + "]: " + e.getMessage());
                }
            }
            return proof(stateAt(blockParam(p, 2)).proof(who, keys), keysNode);
        });
        m.register("eth_call", p -> {
            p.requireAtMost(3);
            CallRequest request = p.required(0, CallRequest::fromJson);
            BlockSelector selector = blockParam(p, 1);
            StateOverrides overrides = p.optional(2, StateOverrides::fromJson).orElse(StateOverrides.NONE);
            BlockHeader header = header(selector);
            long gas = Math.min(request.gas().orElse(config.gasCap()), config.gasCap());
            TransactionResult result = execute(request, header, overrides, gas);
            return callOutput(result, gas);
        });
        m.register("eth_estimateGas", p -> {
            p.requireAtMost(3);
            CallRequest request = p.required(0, CallRequest::fromJson);
            BlockSelector selector = blockParam(p, 1);
            StateOverrides overrides = p.optional(2, StateOverrides::fromJson).orElse(StateOverrides.NONE);
            // At the head, estimate for the block the transaction will go into (Hardhat and Anvil do the same):
            // the head's own timestamp is in the past, so time-dependent contracts (an offering's opening, a
            // timestamp written to storage) would be estimated for a moment that will never come again.
            boolean nextBlock = selector == BlockSelector.Tag.LATEST || selector == BlockSelector.Tag.PENDING;
            return RpcEncoding.quantity(estimate(request, header(selector), overrides, nextBlock));
        });
        m.register("eth_sendRawTransaction", p -> {
            p.requireAtMost(1);
            byte[] raw = p.required(0, RpcParams.DATA);
            return backend.submit(raw).toHex();
        });
        m.register("eth_sendTransaction", p -> {
            p.requireAtMost(1);
            return sendTransaction(p.required(0, CallRequest::fromJson)).toHex();
        });
        m.register("eth_getTransactionByHash", p -> {
            p.requireAtMost(1);
            return transactionByHash(p.required(0, RpcParams.HASH));
        });
        m.register("eth_getTransactionByBlockHashAndIndex", p -> {
            p.requireAtMost(2);
            Optional<EthBackend.ChainBlock> block = backend.block(p.required(0, RpcParams.HASH));
            return transactionAt(block, p.required(1, RpcParams.QUANTITY_LONG));
        });
        m.register("eth_getTransactionByBlockNumberAndIndex", p -> {
            p.requireAtMost(2);
            Optional<EthBackend.ChainBlock> block = findBlock(p.required(0, RpcParams.BLOCK));
            return transactionAt(block, p.required(1, RpcParams.QUANTITY_LONG));
        });
        m.register("eth_getTransactionReceipt", p -> {
            p.requireAtMost(1);
            Hash hash = p.required(0, RpcParams.HASH);
            Optional<EthBackend.TransactionPosition> at = backend.transactionPosition(hash);
            if (at.isEmpty()) {
                return null;
            }
            Optional<EthBackend.ChainBlock> block = backend.block(at.get().blockHash());
            if (block.isEmpty()) {
                return null;
            }
            List<ObjectNode> receipts = receipts(block.get());
            return at.get().index() < receipts.size() ? receipts.get(at.get().index()) : null;
        });
        m.register("eth_getBlockReceipts", p -> {
            p.requireAtMost(1);
            Optional<EthBackend.ChainBlock> block = findBlock(p.required(0, RpcParams.BLOCK));
            if (block.isEmpty()) {
                return null;
            }
            ArrayNode list = F.arrayNode();
            receipts(block.get()).forEach(list::add);
            return list;
        });
        m.register("eth_getBlockByNumber", p -> {
            p.requireAtMost(2);
            BlockSelector selector = p.required(0, RpcParams.BLOCK);
            boolean full = p.required(1, RpcParams.BOOLEAN);
            return findBlock(selector).map(b -> blockJson(b, full)).orElse(null);
        });
        m.register("eth_getBlockByHash", p -> {
            p.requireAtMost(2);
            Hash hash = p.required(0, RpcParams.HASH);
            boolean full = p.required(1, RpcParams.BOOLEAN);
            return backend.block(hash).map(b -> blockJson(b, full)).orElse(null);
        });
        m.register("eth_getBlockTransactionCountByHash", p -> {
            p.requireAtMost(1);
            return backend.block(p.required(0, RpcParams.HASH))
                    .map(b -> RpcEncoding.quantity(b.transactions().size())).orElse(null);
        });
        m.register("eth_getBlockTransactionCountByNumber", p -> {
            p.requireAtMost(1);
            return findBlock(p.required(0, RpcParams.BLOCK))
                    .map(b -> RpcEncoding.quantity(b.transactions().size())).orElse(null);
        });
        m.register("eth_getUncleCountByBlockHash", p -> {
            p.requireAtMost(1);
            return backend.block(p.required(0, RpcParams.HASH)).map(b -> "0x0").orElse(null);
        });
        m.register("eth_getUncleCountByBlockNumber", p -> {
            p.requireAtMost(1);
            return findBlock(p.required(0, RpcParams.BLOCK)).map(b -> "0x0").orElse(null);
        });
        m.register("eth_getLogs", p -> {
            p.requireAtMost(1);
            return logs(p.required(0, LogQuery::fromJson));
        });
        m.register("eth_newFilter", p -> {
            p.requireAtMost(1);
            LogQuery query = p.required(0, LogQuery::fromJson);
            long head = backend.head().header().number();
            long from = Filters.rangeBound(query.fromBlock(), 0, head + 1);
            long to = Filters.rangeBound(query.toBlock(), 0, Long.MAX_VALUE);
            return filters.newLogFilter(query, from, to);
        });
        m.register("eth_newBlockFilter", p -> {
            p.requireAtMost(0);
            return filters.newBlockFilter();
        });
        m.register("eth_newPendingTransactionFilter", p -> {
            p.requireAtMost(1);
            return filters.newPendingTransactionFilter();
        });
        m.register("eth_getFilterChanges", p -> {
            p.requireAtMost(1);
            ArrayNode list = F.arrayNode();
            filters.changes(p.required(0, RpcParams.STRING)).forEach(list::add);
            return list;
        });
        m.register("eth_getFilterLogs", p -> {
            p.requireAtMost(1);
            return logs(filters.logQuery(p.required(0, RpcParams.STRING)));
        });
        m.register("eth_uninstallFilter", p -> {
            p.requireAtMost(1);
            return filters.uninstall(p.required(0, RpcParams.STRING));
        });
        m.register("eth_gasPrice", p -> {
            p.requireAtMost(0);
            return RpcEncoding.quantity(nextBaseFee().add(SUGGESTED_TIP));
        });
        m.register("eth_maxPriorityFeePerGas", p -> {
            p.requireAtMost(0);
            return RpcEncoding.quantity(SUGGESTED_TIP);
        });
        m.register("eth_feeHistory", p -> {
            p.requireAtMost(3);
            long count = p.required(0, EthApi::blockCount);
            BlockSelector newest = p.required(1, RpcParams.BLOCK);
            List<Double> percentiles = p.optional(2, EthApi::percentiles).orElse(List.of());
            return feeHistory(count, newest, percentiles);
        });
    }

    // ------------------------------------------------------------------------------------------ events in

    /** A block joined the chain: newHeads and logs subscribers, and polling filters, hear of it. */
    public void onNewBlock(EthBackend.ChainBlock block, List<TransactionReceipt> receipts) {
        hub.publishNewHead(EthJson.header(block.header(), block.hash()));
        List<Filters.ChainLog> chainLogs = new ArrayList<>();
        for (TransactionReceipt r : receipts) {
            for (TransactionReceipt.LogEntry entry : r.logs()) {
                Log log = entry.log();
                ObjectNode json = EthJson.log(entry, false);
                hub.publishLog(log.address(), log.topics(), json);
                chainLogs.add(new Filters.ChainLog(log.address(), log.topics(), block.header().number(), json));
            }
        }
        filters.onBlock(block.hash(), block.header().number(), chainLogs);
    }

    /**
     * Events were lost on their way here (the listeners fell behind block production): subscriptions are ended with
     * {@code reason} and polling filters removed, so no client mistakes the gap for a quiet chain.
     */
    public void onEventsLost(String reason) {
        hub.endAll(reason);
        filters.clear();
    }

    /** A transaction entered the pool. */
    public void onPendingTransaction(Transaction tx, Address sender) {
        hub.publishPendingTransaction(tx.hash(), () -> EthJson.transaction(tx, sender, Optional.empty()));
        filters.onPendingTransaction(tx.hash());
    }

    // ------------------------------------------------------------------------------------------ blocks

    private static BlockSelector blockParam(RpcParams p, int index) {
        // geth requires the block argument of state methods; tools always send it, and "latest" is the safe default.
        return p.optional(index, RpcParams.BLOCK).orElse(BlockSelector.Tag.LATEST);
    }

    /** The block a selector names, or empty when there is none (for methods that answer null). */
    private Optional<EthBackend.ChainBlock> findBlock(BlockSelector selector) {
        return switch (selector) {
            case BlockSelector.Tag t when t == BlockSelector.Tag.EARLIEST -> backend.block(0);
            case BlockSelector.Tag t -> Optional.of(backend.head());
            case BlockSelector.ByNumber n -> backend.block(n.number());
            case BlockSelector.ByHash h -> backend.block(h.hash()).filter(b -> !h.requireCanonical()
                    || backend.block(b.header().number()).map(c -> c.hash().equals(b.hash())).orElse(false));
        };
    }

    /** The header a state method runs at; a block that does not exist is geth's "header not found". */
    private BlockHeader header(BlockSelector selector) {
        return findBlock(selector).map(EthBackend.ChainBlock::header).orElseThrow(() -> serverError(
                selector instanceof BlockSelector.ByHash ? "header for hash not found" : "header not found"));
    }

    private WorldState stateAt(BlockSelector selector) {
        return backend.state(header(selector));
    }

    private ObjectNode blockJson(EthBackend.ChainBlock b, boolean full) {
        return EthJson.block(b.header(), b.hash(), b.size(), b.transactions(), b.senders(), full);
    }

    private UInt256 nextBaseFee() {
        return FeeMarket.nextBaseFee(backend.head().header());
    }

    // ------------------------------------------------------------------------------------------ transactions

    private JsonNode transactionByHash(Hash hash) {
        Optional<EthBackend.TransactionPosition> at = backend.transactionPosition(hash);
        if (at.isPresent()) {
            Optional<EthBackend.ChainBlock> block = backend.block(at.get().blockHash());
            if (block.isPresent()) {
                return transactionAt(block.get(), at.get().index());
            }
        }
        return backend.pendingTransaction(hash)
                .<JsonNode>map(p -> EthJson.transaction(p.transaction(), p.sender(), Optional.empty()))
                .orElse(null);
    }

    private JsonNode transactionAt(Optional<EthBackend.ChainBlock> block, long index) {
        return block.filter(b -> index >= 0 && index < b.transactions().size())
                .map(b -> transactionAt(b, (int) index)).orElse(null);
    }

    private JsonNode transactionAt(EthBackend.ChainBlock b, int index) {
        return EthJson.transaction(b.transactions().get(index), b.senders().get(index), Optional.of(
                new EthJson.Inclusion(b.hash(), b.header().number(), index, b.header().baseFeePerGas())));
    }

    private List<ObjectNode> receipts(EthBackend.ChainBlock b) {
        List<TransactionReceipt> receipts = backend.receipts(b.hash());
        List<ObjectNode> out = new ArrayList<>(receipts.size());
        for (int i = 0; i < receipts.size(); i++) {
            out.add(EthJson.receipt(receipts.get(i), b.transactions().get(i).type()));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ execution

    /** Runs {@code request} on a throw-away copy of the state at {@code header}, as eth_call does. */
    private TransactionResult execute(CallRequest request, BlockHeader header, StateOverrides overrides, long gas) {
        return execute(request, header, overrides, gas, false);
    }

    /**
     * @param nextBlock run in the environment of the block after {@code header} (its number, and a timestamp of
     *     now or the header's plus one, as the sequencer will give it) instead of {@code header}'s own
     */
    private TransactionResult execute(CallRequest request, BlockHeader header, StateOverrides overrides, long gas,
                                      boolean nextBlock) {
        WorldState state = backend.state(header);
        overrides.applyTo(state);
        Address from = request.from().orElse(Address.ZERO);
        UInt256 maxFee;
        UInt256 tip;
        if (request.gasPrice().isPresent()) {
            maxFee = request.gasPrice().get();
            tip = maxFee;
        } else {
            maxFee = request.maxFeePerGas().orElse(UInt256.ZERO);
            tip = request.maxPriorityFeePerGas().orElse(UInt256.ZERO);
            if (tip.compareTo(maxFee) > 0 && request.maxFeePerGas().isEmpty()) {
                maxFee = tip.add(header.baseFeePerGas());
            }
        }
        // geth: a call that pays nothing runs with a zero base fee, so that BASEFEE-free calls need no funds.
        UInt256 baseFee = maxFee.isZero() ? UInt256.ZERO : header.baseFeePerGas();
        List<AccessListEntry> accessList = request.accessList().orElse(List.of());
        byte[] data = request.input();
        long intrinsic = IntrinsicGas.CANCUN.of(data, request.to().isEmpty(), accessList);
        ExecutableTransaction tx = new ExecutableTransaction(from, state.nonce(from), gas, request.to(),
                request.value().orElse(UInt256.ZERO), data, maxFee, tip, accessList, false, UInt256.ZERO, List.of(),
                Optional.empty(), intrinsic);
        long number = nextBlock ? header.number() + 1 : header.number();
        long timestamp = nextBlock ? Math.max(header.timestamp() + 1, System.currentTimeMillis() / 1000) : header.timestamp();
        BlockEnvironment env = new BlockEnvironment(header.coinbase(), number, timestamp,
                header.gasLimit(), baseFee, header.mixHash(), header.excessBlobGas(), UInt256.of(backend.chainId()),
                n -> backend.block(n).map(EthBackend.ChainBlock::hash).orElse(Hash.ZERO));
        // The block's gas limit does not bound a call: the RPC gas cap does.
        return backend.processor().process(state, env, tx, Long.MAX_VALUE);
    }

    private String callOutput(TransactionResult result, long gas) {
        return switch (result) {
            case TransactionResult.Rejected r -> throw serverError(rejection(r));
            case TransactionResult.Executed e when e.success() -> Hex.encode(e.output());
            case TransactionResult.Executed e -> throw failure(e, gas);
        };
    }

    private static RpcException failure(TransactionResult.Executed e, long gas) {
        byte[] output = e.output();
        if (output.length > 0) {
            return new RpcError.ExecutionReverted(RevertReason.decode(output), output).toException();
        }
        // A halt (out of gas, invalid instruction, stack error) consumes all the gas; an empty REVERT does not.
        return serverError(e.gasUsed() >= gas ? "out of gas" : "execution reverted");
    }

    private long estimate(CallRequest request, BlockHeader header, StateOverrides overrides, boolean nextBlock) {
        byte[] data = request.input();
        long intrinsic = IntrinsicGas.CANCUN.of(data, request.to().isEmpty(), request.accessList().orElse(List.of()));
        long ceiling = Math.min(request.gas().orElse(header.gasLimit()), config.gasCap());
        UInt256 feeCap = request.gasPrice().or(request::maxFeePerGas).orElse(UInt256.ZERO);
        if (!feeCap.isZero()) {
            // What the sender can pay for at its fee cap, after the value it sends.
            Address from = request.from().orElse(Address.ZERO);
            WorldState state = backend.state(header);
            overrides.applyTo(state);
            BigInteger available = state.balance(from).toBigInteger()
                    .subtract(request.value().orElse(UInt256.ZERO).toBigInteger());
            if (available.signum() < 0) {
                throw serverError("insufficient funds for transfer");
            }
            BigInteger allowance = available.divide(feeCap.toBigInteger());
            if (allowance.compareTo(BigInteger.valueOf(ceiling)) < 0) {
                ceiling = allowance.longValue();
            }
        }
        GasEstimator.Estimate estimate = GasEstimator.estimate(intrinsic - 1, ceiling, gas -> {
            TransactionResult result = execute(request, header, overrides, gas, nextBlock);
            return switch (result) {
                case TransactionResult.Rejected r -> new GasEstimator.Outcome.Failed(rejection(r));
                case TransactionResult.Executed e when e.success() -> new GasEstimator.Outcome.Success(e.gasUsed());
                case TransactionResult.Executed e when e.output().length > 0 ->
                        new GasEstimator.Outcome.Reverted(e.output());
                case TransactionResult.Executed e -> new GasEstimator.Outcome.Failed(
                        e.gasUsed() >= gas ? "out of gas" : "execution reverted");
            };
        });
        return switch (estimate) {
            case GasEstimator.Estimate.Gas g -> g.gas();
            case GasEstimator.Estimate.Reverted r ->
                    throw new RpcError.ExecutionReverted(RevertReason.decode(r.output()), r.output()).toException();
            case GasEstimator.Estimate.Failed f -> throw serverError(f.reason());
        };
    }

    /** geth's wording for a transaction the state refuses (the pool uses the same words). */
    private static String rejection(TransactionResult.Rejected r) {
        return switch (r.reason()) {
            case INSUFFICIENT_ACCOUNT_FUNDS -> "insufficient funds for gas * price + value";
            case INTRINSIC_GAS_TOO_LOW -> "intrinsic gas too low";
            case INSUFFICIENT_MAX_FEE_PER_GAS -> "max fee per gas less than block base fee";
            case PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS -> "max priority fee per gas higher than max fee per gas";
            case SENDER_NOT_EOA -> "sender not an eoa";
            case INITCODE_SIZE_EXCEEDED -> "max initcode size exceeded";
            case GASLIMIT_PRICE_PRODUCT_OVERFLOW -> "fee cap or tip too high";
            case NONCE_IS_MAX -> "nonce has max value";
            default -> r.detail();
        };
    }

    private Hash sendTransaction(CallRequest request) {
        Address from = request.from().orElseThrow(() -> invalidParams("invalid argument 0: missing required field 'from'"));
        PrivateKey key = signers.get(from);
        if (key == null) {
            throw serverError("unknown account");
        }
        if (request.chainId().isPresent() && !request.chainId().get().equals(BigInteger.valueOf(backend.chainId()))) {
            throw serverError("chainId does not match node's (have=" + request.chainId().get() + ", want="
                    + backend.chainId() + ")");
        }
        long nonce = request.nonce().orElseGet(() -> Math.max(backend.pendingNonce(from),
                backend.state(backend.head().header()).nonce(from)));
        boolean legacy = request.gasPrice().isPresent() || request.type().filter(t -> t == 0).isPresent();
        Transaction.Builder b = Transaction.builder(legacy ? TransactionType.LEGACY : TransactionType.DYNAMIC_FEE)
                .chainId(backend.chainId())
                .nonce(nonce)
                .value(request.value().orElse(UInt256.ZERO))
                .data(request.input());
        request.to().ifPresent(b::to);
        if (legacy) {
            b.gasPrice(request.gasPrice().orElseGet(() -> nextBaseFee().add(SUGGESTED_TIP)));
        } else {
            UInt256 tip = request.maxPriorityFeePerGas().orElse(SUGGESTED_TIP);
            // Room for the base fee to double before the transaction is included, as ethers.js and geth suggest.
            UInt256 maxFee = request.maxFeePerGas().orElseGet(() -> nextBaseFee().mul(UInt256.of(2)).add(tip));
            b.maxPriorityFeePerGas(tip).maxFeePerGas(maxFee);
            request.accessList().ifPresent(b::accessList);
        }
        long gas = request.gas().orElseGet(() -> estimate(request, backend.head().header(), StateOverrides.NONE, true));
        b.gasLimit(gas);
        return backend.submit(b.sign(key));
    }

    // ------------------------------------------------------------------------------------------ logs

    private ArrayNode logs(LogQuery query) {
        List<EthBackend.ChainBlock> blocks = new ArrayList<>();
        if (query.blockHash().isPresent()) {
            blocks.add(backend.block(query.blockHash().get()).orElseThrow(() -> serverError("unknown block")));
        } else {
            long head = backend.head().header().number();
            long from = resolveRangeEnd(query.fromBlock(), head);
            long to = resolveRangeEnd(query.toBlock(), head);
            if (from > to && !(query.toBlock() instanceof BlockSelector.Tag)) {
                throw serverError("invalid block range params");
            }
            to = Math.min(to, head);
            if (from <= to && to - from + 1 > config.maxLogsBlockRange()) {
                throw new RpcError.ServerError(RpcError.ServerError.LIMIT_EXCEEDED, "exceed maximum block range: "
                        + config.maxLogsBlockRange()).toException();
            }
            for (long n = from; n <= to; n++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw serverError("eth_getLogs interrupted");
                }
                Optional<BlockHeader> header = backend.header(n);
                if (header.isPresent() && mayContain(header.get(), query.criteria())) {
                    backend.block(header.get().hash()).ifPresent(blocks::add);
                }
            }
        }
        ArrayNode out = F.arrayNode();
        for (EthBackend.ChainBlock b : blocks) {
            for (TransactionReceipt r : backend.receipts(b.hash())) {
                for (TransactionReceipt.LogEntry entry : r.logs()) {
                    if (query.criteria().matches(entry.log().address(), entry.log().topics())) {
                        out.add(EthJson.log(entry, false));
                        if (out.size() > config.maxLogsResults()) {
                            throw new RpcError.ServerError(RpcError.ServerError.LIMIT_EXCEEDED, "query returned more than "
                                    + config.maxLogsResults() + " results").toException();
                        }
                    }
                }
            }
        }
        return out;
    }

    private static long resolveRangeEnd(BlockSelector selector, long head) {
        return switch (selector) {
            case BlockSelector.ByNumber n -> n.number();
            case BlockSelector.Tag t when t == BlockSelector.Tag.EARLIEST -> 0;
            case BlockSelector.Tag t -> head;
            case BlockSelector.ByHash h -> throw invalidParams("a log range end is a block number or tag");
        };
    }

    /** The header's bloom rules the block out unless every criterion may be met. */
    private static boolean mayContain(BlockHeader header, LogFilter filter) {
        if (header.logsBloom().isEmpty()) {
            return false; // no logs at all
        }
        if (!filter.addresses().isEmpty()
                && filter.addresses().stream().noneMatch(a -> header.logsBloom().mayContain(a.toArray()))) {
            return false;
        }
        for (java.util.Set<Hash> position : filter.topics()) {
            if (!position.isEmpty() && position.stream().noneMatch(t -> header.logsBloom().mayContain(t.toArray()))) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------ fees

    private JsonNode feeHistory(long count, BlockSelector newestSelector, List<Double> percentiles) {
        EthBackend.ChainBlock newest = findBlock(newestSelector).orElseThrow(() -> serverError("header not found"));
        long newestNumber = newest.header().number();
        long blocks = Math.min(Math.min(count, config.maxFeeHistoryBlocks()), newestNumber + 1);
        long oldest = newestNumber - blocks + 1;
        ObjectNode o = F.objectNode();
        o.put("oldestBlock", RpcEncoding.quantity(blocks == 0 ? newestNumber : oldest));
        ArrayNode baseFees = o.putArray("baseFeePerGas");
        ArrayNode ratios = o.putArray("gasUsedRatio");
        ArrayNode blobFees = o.putArray("baseFeePerBlobGas");
        ArrayNode blobRatios = o.putArray("blobGasUsedRatio");
        ArrayNode rewards = percentiles.isEmpty() ? null : o.putArray("reward");
        BlockHeader last = null;
        for (long n = oldest; n <= newestNumber && blocks > 0; n++) {
            EthBackend.ChainBlock b = backend.block(n).orElseThrow(() -> serverError("header not found"));
            BlockHeader h = b.header();
            baseFees.add(RpcEncoding.quantity(h.baseFeePerGas()));
            ratios.add(h.gasLimit() == 0 ? 0.0 : (double) h.gasUsed() / h.gasLimit());
            blobFees.add(RpcEncoding.quantity(org.parkchain.chain.BlobGas.baseFee(h.excessBlobGas())));
            blobRatios.add(0.0);
            if (rewards != null) {
                rewards.add(rewards(b, percentiles));
            }
            last = h;
        }
        if (last != null) {
            baseFees.add(RpcEncoding.quantity(FeeMarket.nextBaseFee(last)));
            blobFees.add(RpcEncoding.quantity(org.parkchain.chain.BlobGas.baseFee(0)));
        }
        return o;
    }

    /** The tips paid at each gas-weighted percentile of the block, as geth computes them. */
    private ArrayNode rewards(EthBackend.ChainBlock b, List<Double> percentiles) {
        ArrayNode out = F.arrayNode();
        if (b.transactions().isEmpty()) {
            percentiles.forEach(p -> out.add("0x0"));
            return out;
        }
        List<TransactionReceipt> receipts = backend.receipts(b.hash());
        UInt256 baseFee = b.header().baseFeePerGas();
        record Paid(UInt256 tip, long gas) {}
        List<Paid> paid = new ArrayList<>();
        for (TransactionReceipt r : receipts) {
            paid.add(new Paid(r.effectiveGasPrice().sub(baseFee), r.gasUsed()));
        }
        if (paid.isEmpty()) {
            percentiles.forEach(p -> out.add("0x0"));
            return out;
        }
        paid.sort(Comparator.comparing(Paid::tip));
        int i = 0;
        long sum = paid.get(0).gas();
        for (double p : percentiles) {
            double threshold = b.header().gasUsed() * p / 100.0;
            while (sum < threshold && i < paid.size() - 1) {
                i++;
                sum += paid.get(i).gas();
            }
            out.add(RpcEncoding.quantity(paid.get(i).tip()));
        }
        return out;
    }

    private static long blockCount(JsonNode node) {
        long count;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            count = node.longValue(); // geth accepts a decimal number here as well as a quantity
        } else {
            count = RpcEncoding.decodeQuantityAsLong(node);
        }
        if (count < 1) {
            throw new InvalidEncodingException("block count must be at least 1, got " + count);
        }
        return count;
    }

    private static List<Double> percentiles(JsonNode node) {
        if (!node.isArray()) {
            throw new InvalidEncodingException("expected an array of percentiles");
        }
        if (node.size() > MAX_PERCENTILES) {
            throw new InvalidEncodingException("at most " + MAX_PERCENTILES + " percentiles, got " + node.size());
        }
        List<Double> out = new ArrayList<>();
        double previous = -1;
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            if (!v.isNumber()) {
                throw new InvalidEncodingException("[" + i + "]: expected a number");
            }
            double p = v.doubleValue();
            if (p < 0 || p > 100) {
                throw new InvalidEncodingException("invalid reward percentile: " + p);
            }
            if (p < previous) {
                throw new InvalidEncodingException("invalid reward percentile: #" + (i - 1) + ":" + previous
                        + " > #" + i + ":" + p);
            }
            previous = p;
            out.add(p);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ proofs

    private static JsonNode proof(StateProof proof, JsonNode requestedKeys) {
        ObjectNode o = F.objectNode();
        o.put("address", proof.address().toHex());
        ArrayNode accountProof = o.putArray("accountProof");
        proof.accountProof().forEach(n -> accountProof.add(Hex.encode(n)));
        o.put("balance", RpcEncoding.quantity(proof.account().balance()));
        o.put("codeHash", proof.account().codeHash().toHex());
        o.put("nonce", RpcEncoding.quantity(proof.account().nonce()));
        o.put("storageHash", proof.account().storageRoot().toHex());
        ArrayNode storage = o.putArray("storageProof");
        for (int i = 0; i < proof.storageProofs().size(); i++) {
            StateProof.StorageProof sp = proof.storageProofs().get(i);
            ObjectNode entry = storage.addObject();
            entry.put("key", requestedKeys.get(i).textValue());
            entry.put("value", RpcEncoding.quantity(sp.value()));
            ArrayNode nodes = entry.putArray("proof");
            sp.proof().forEach(n -> nodes.add(Hex.encode(n)));
        }
        return o;
    }

    /** A storage slot: DATA of at most 32 bytes (geth accepts short forms such as "0x0"). */
    private static UInt256 storageKey(JsonNode node) {
        if (!node.isTextual()) {
            throw new InvalidEncodingException("expected a hex-encoded storage key");
        }
        String text = node.textValue();
        if (!Hex.hasPrefix(text) || text.length() < 3) {
            throw new InvalidEncodingException("storage key must be hex with 0x prefix, got \"" + abbreviate(text) + "\"");
        }
        String digits = text.substring(2);
        if (digits.length() > 64) {
            throw new InvalidEncodingException("storage key longer than 32 bytes");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                throw new InvalidEncodingException("invalid hex character in storage key");
            }
        }
        return UInt256.of(new BigInteger(digits, 16));
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static RpcException serverError(String message) {
        return RpcError.ServerError.of(message).toException();
    }

    private static RpcException invalidParams(String message) {
        return new RpcError.InvalidParams(message).toException();
    }
}
