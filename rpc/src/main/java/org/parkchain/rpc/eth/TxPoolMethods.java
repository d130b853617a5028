package org.parkchain.rpc.eth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.rpc.MethodGroup;
import org.parkchain.rpc.RpcEncoding;
import org.parkchain.rpc.RpcMethods;

/**
 * The pool as geth's txpool namespace shows it: txpool_status (counts), txpool_content (the transactions by sender
 * and nonce) and txpool_inspect (one line per transaction). "pending" are ready for the next block, "queued" wait
 * for a nonce gap to fill.
 */
public final class TxPoolMethods implements MethodGroup {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final EthBackend backend;

    public TxPoolMethods(EthBackend backend) {
        this.backend = backend;
    }

    @Override
    public void registerInto(RpcMethods m) {
        m.register("txpool_status", 0, p -> {
            EthBackend.PoolContent content = backend.poolContent();
            ObjectNode o = F.objectNode();
            o.put("pending", RpcEncoding.quantity(count(content.pending())));
            o.put("queued", RpcEncoding.quantity(count(content.queued())));
            return o;
        });
        m.register("txpool_content", 0, p -> bySenderAndNonce(backend.poolContent(),
                t -> EthJson.transaction(t.transaction(), t.sender(), Optional.empty())));
        m.register("txpool_inspect", 0, p -> bySenderAndNonce(backend.poolContent(), t -> F.textNode(summary(t.transaction()))));
    }

    private static long count(Map<Address, List<EthBackend.PendingTransaction>> bySender) {
        return bySender.values().stream().mapToLong(List::size).sum();
    }

    private static ObjectNode bySenderAndNonce(EthBackend.PoolContent content,
                                               Function<EthBackend.PendingTransaction, com.fasterxml.jackson.databind.JsonNode> show) {
        ObjectNode o = F.objectNode();
        o.set("pending", group(content.pending(), show));
        o.set("queued", group(content.queued(), show));
        return o;
    }

    private static ObjectNode group(Map<Address, List<EthBackend.PendingTransaction>> bySender,
                                    Function<EthBackend.PendingTransaction, com.fasterxml.jackson.databind.JsonNode> show) {
        ObjectNode o = F.objectNode();
        bySender.forEach((sender, txs) -> {
            // geth keys senders by their checksummed address and nonces in decimal.
            ObjectNode byNonce = o.putObject(sender.toChecksumHex());
            txs.forEach(t -> byNonce.set(Long.toUnsignedString(t.transaction().nonce()), show.apply(t)));
        });
        return o;
    }

    /** geth's txpool_inspect line: "0xTO: VALUE wei + GAS gas × PRICE wei" ("contract creation" without a recipient). */
    private static String summary(Transaction tx) {
        String to = tx.to().map(Address::toChecksumHex).orElse("contract creation");
        return to + ": " + tx.value().toBigInteger() + " wei + " + Long.toUnsignedString(tx.gasLimit()) + " gas × "
                + tx.maxFeePerGas().toBigInteger() + " wei";
    }
}
