package org.parkchain.rpc.eth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parkchain.chain.TransactionReceipt;
import org.parkchain.evm.Log;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.rpc.MethodGroup;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.SubscriptionHub;

/**
 * The eth_* methods over an {@link EthBackend}, with geth's parameters, result shapes and error texts, in groups by
 * concern ({@link StateMethods}, {@link BlockMethods}, {@link CallMethods}, {@link SendMethods}, {@link FeeMethods},
 * {@link FilterMethods}, {@link DebugMethods}, {@link SimulateMethods}), each usable on its own over any backend. The node registers them with {@link #registerInto}
 * and feeds {@link #onNewBlock} and {@link #onPendingTransaction} so that
 * subscriptions and polling filters see new blocks, logs and pool arrivals.
 */
public final class EthApi {
    private final EthBackend backend;
    private final EthApiConfig config;
    private final SubscriptionHub hub;
    private final Filters filters;
    private final List<PrivateKey> signers;
    private final Impersonation impersonation;

    /**
     * @param signers the accounts eth_sendTransaction may sign for (the dev accounts with {@code --dev}; otherwise
     *                none, and eth_accounts is empty)
     */
    public EthApi(EthBackend backend, EthApiConfig config, SubscriptionHub hub, List<PrivateKey> signers) {
        this(backend, config, hub, signers, new Impersonation());
    }

    /**
     * @param impersonation the accounts eth_sendTransaction may also send as without a key: the one a dev node's
     *                      {@link DevMethods} change
     */
    public EthApi(EthBackend backend, EthApiConfig config, SubscriptionHub hub, List<PrivateKey> signers,
                  Impersonation impersonation) {
        this.impersonation = Objects.requireNonNull(impersonation, "impersonation");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.config = Objects.requireNonNull(config, "config");
        this.hub = Objects.requireNonNull(hub, "hub");
        this.filters = new Filters(config.filterTimeout(), config.maxFilters());
        this.signers = List.copyOf(signers);
    }

    public Filters filters() {
        return filters;
    }

    /** Registers every eth_* group: state, blocks, calls, sending, signing, fees, and logs with filters. */
    public void registerInto(RpcMethods m) {
        BlockLookup blocks = new BlockLookup(backend);
        CallExecutor executor = new CallExecutor(backend, config);
        List<MethodGroup> groups = List.of(
                new StateMethods(backend),
                new BlockMethods(backend),
                new CallMethods(blocks, executor),
                new SimulateMethods(blocks, config),
                new SendMethods(blocks, executor, signers, impersonation),
                new SignMethods(signers),
                new FeeMethods(backend, config),
                new EthConfig(backend),
                new TxPoolMethods(backend),
                new FilterMethods(backend, config, filters),
                new DebugMethods(blocks, executor, TraceOptions.MAX_TRACE_BYTES));
        groups.forEach(g -> g.registerInto(m));
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
}
