package org.parkchain.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parkchain.chain.TransactionReceipt;
import org.parkchain.primitives.Hash;
import org.parkchain.rpc.BlockSelector;
import org.parkchain.rpc.MethodGroup;
import org.parkchain.rpc.RpcEncoding;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.RpcParams;

/**
 * The chain and what is in its blocks: eth_chainId, eth_syncing, eth_blockNumber, blocks and headers, their
 * transactions and receipts, and the uncle counts (always zero). The "pending" block of eth_getBlockByNumber,
 * eth_getHeaderByNumber, eth_getBlockTransactionCountByNumber and eth_getTransactionByBlockNumberAndIndex is the
 * next block built from the pool now ({@link EthBackend#pendingBlock}).
 */
public final class BlockMethods implements MethodGroup {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final EthBackend backend;
    private final BlockLookup blocks;

    public BlockMethods(EthBackend backend) {
        this.backend = backend;
        this.blocks = new BlockLookup(backend);
    }

    @Override
    public void registerInto(RpcMethods m) {
        m.register("eth_chainId", 0, p -> RpcEncoding.quantity(backend.chainId()));
        m.register("eth_syncing", 0, p -> false);
        m.register("eth_blockNumber", 0, p -> RpcEncoding.quantity(backend.head().header().number()));
        m.register("eth_getTransactionByHash", 1, p -> transactionByHash(p.required(0, RpcParams.HASH)));
        m.register("eth_getTransactionByBlockHashAndIndex", 2, p -> {
            Optional<EthBackend.ChainBlock> block = backend.block(p.required(0, RpcParams.HASH));
            return transactionAt(block, p.required(1, RpcParams.QUANTITY_LONG));
        });
        m.register("eth_getTransactionByBlockNumberAndIndex", 2, p -> {
            Optional<EthBackend.ChainBlock> block = blockOrPending(p.required(0, RpcParams.BLOCK));
            return transactionAt(block, p.required(1, RpcParams.QUANTITY_LONG));
        });
        m.register("eth_getTransactionReceipt", 1, p -> {
            Hash hash = p.required(0, RpcParams.HASH);
            Optional<EthBackend.TransactionPosition> at = backend.transactionPosition(hash);
            if (at.isEmpty()) {
                return null;
            }
            Optional<EthBackend.ChainBlock> block = backend.block(at.get().blockHash());
            if (block.isEmpty()) {
                return null;
            }
            // Only the asked receipt is rendered: rendering the whole block's (as eth_getBlockReceipts does) made a
            // client's receipt check quadratic in the block's size.
            List<TransactionReceipt> receipts = backend.receipts(block.get().hash());
            int index = at.get().index();
            return index < receipts.size() ? EthJson.receipt(receipts.get(index), block.get().transactions().get(index).type()) : null;
        });
        m.register("eth_getBlockReceipts", 1, p -> {
            Optional<EthBackend.ChainBlock> block = blocks.findBlock(p.required(0, RpcParams.BLOCK));
            if (block.isEmpty()) {
                return null;
            }
            ArrayNode list = F.arrayNode();
            receipts(block.get()).forEach(list::add);
            return list;
        });
        m.register("eth_getBlockByNumber", 2, p -> {
            BlockSelector selector = p.required(0, RpcParams.BLOCK);
            boolean full = p.required(1, RpcParams.BOOLEAN);
            if (selector == BlockSelector.Tag.PENDING) {
                return pendingJson(backend.pendingBlock(), full);
            }
            return blocks.findBlock(selector).map(b -> blockJson(b, full)).orElse(null);
        });
        m.register("eth_getBlockByHash", 2, p -> {
            Hash hash = p.required(0, RpcParams.HASH);
            boolean full = p.required(1, RpcParams.BOOLEAN);
            return backend.block(hash).map(b -> blockJson(b, full)).orElse(null);
        });
        m.register("eth_getBlockTransactionCountByHash", 1, p -> backend.block(p.required(0, RpcParams.HASH))
                .map(b -> RpcEncoding.quantity(b.transactions().size())).orElse(null));
        m.register("eth_getBlockTransactionCountByNumber", 1, p -> blockOrPending(p.required(0, RpcParams.BLOCK))
                .map(b -> RpcEncoding.quantity(b.transactions().size())).orElse(null));
        m.register("eth_getHeaderByNumber", 1, p -> {
            BlockSelector selector = p.required(0, RpcParams.BLOCK);
            if (selector == BlockSelector.Tag.PENDING) {
                return pendingHeader(backend.pendingBlock());
            }
            return blocks.findBlock(selector).map(b -> EthJson.header(b.header(), b.hash())).orElse(null);
        });
        m.register("eth_getHeaderByHash", 1, p -> backend.block(p.required(0, RpcParams.HASH))
                .map(b -> EthJson.header(b.header(), b.hash())).orElse(null));
        m.register("eth_getUncleCountByBlockHash", 1,
                p -> backend.block(p.required(0, RpcParams.HASH)).map(b -> "0x0").orElse(null));
        m.register("eth_getUncleCountByBlockNumber", 1,
                p -> blocks.findBlock(p.required(0, RpcParams.BLOCK)).map(b -> "0x0").orElse(null));
    }

    /** The block a number or tag names; "pending" is the next block built from the pool now. */
    private Optional<EthBackend.ChainBlock> blockOrPending(BlockSelector selector) {
        return selector == BlockSelector.Tag.PENDING ? Optional.of(backend.pendingBlock()) : blocks.findBlock(selector);
    }

    /**
     * The pending block as geth shows it: what is not decided until it is sealed (its hash, and with it the nonce
     * and the miner) is null.
     */
    private static ObjectNode pendingJson(EthBackend.ChainBlock b, boolean full) {
        return unsealed(blockJson(b, full));
    }

    private static ObjectNode pendingHeader(EthBackend.ChainBlock b) {
        return unsealed(EthJson.header(b.header(), b.hash()));
    }

    private static ObjectNode unsealed(ObjectNode o) {
        o.putNull("hash");
        o.putNull("nonce");
        o.putNull("miner");
        return o;
    }

    private static ObjectNode blockJson(EthBackend.ChainBlock b, boolean full) {
        return EthJson.block(b.header(), b.hash(), b.size(), b.transactions(), b.senders(), full);
    }

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

    private static JsonNode transactionAt(Optional<EthBackend.ChainBlock> block, long index) {
        return block.filter(b -> index >= 0 && index < b.transactions().size())
                .map(b -> transactionAt(b, (int) index)).orElse(null);
    }

    private static JsonNode transactionAt(EthBackend.ChainBlock b, int index) {
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
}
