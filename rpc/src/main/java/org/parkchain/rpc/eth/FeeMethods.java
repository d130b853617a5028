package org.parkchain.rpc.eth;

import static org.parkchain.rpc.eth.EthErrors.serverError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.parkchain.chain.BlobGas;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.FeeMarket;
import org.parkchain.chain.TransactionReceipt;
import org.parkchain.primitives.UInt256;
import org.parkchain.rpc.BlockSelector;
import org.parkchain.rpc.InvalidEncodingException;
import org.parkchain.rpc.MethodGroup;
import org.parkchain.rpc.RpcEncoding;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.RpcParams;

/** What to pay: eth_gasPrice, eth_maxPriorityFeePerGas, eth_blobBaseFee and eth_feeHistory. */
public final class FeeMethods implements MethodGroup {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** The tip suggested by eth_maxPriorityFeePerGas and used by eth_sendTransaction when none is given: 1 gwei. */
    public static final UInt256 SUGGESTED_TIP = UInt256.of(1_000_000_000L);
    private static final int MAX_PERCENTILES = 100;

    private final EthBackend backend;
    private final EthApiConfig config;
    private final BlockLookup blocks;

    public FeeMethods(EthBackend backend, EthApiConfig config) {
        this.backend = backend;
        this.config = config;
        this.blocks = new BlockLookup(backend);
    }

    @Override
    public void registerInto(RpcMethods m) {
        m.register("eth_gasPrice", 0, p -> RpcEncoding.quantity(blocks.nextBaseFee().add(SUGGESTED_TIP)));
        m.register("eth_maxPriorityFeePerGas", 0, p -> RpcEncoding.quantity(SUGGESTED_TIP));
        // The next block's blob base fee. Blocks here carry no blobs, so the excess stays at the head's (zero).
        m.register("eth_blobBaseFee", 0,
                p -> RpcEncoding.quantity(BlobGas.baseFee(backend.head().header().excessBlobGas())));
        m.register("eth_feeHistory", 3, p -> {
            long count = p.required(0, FeeMethods::blockCount);
            BlockSelector newest = p.required(1, RpcParams.BLOCK);
            List<Double> percentiles = p.optional(2, FeeMethods::percentiles).orElse(List.of());
            return feeHistory(count, newest, percentiles);
        });
    }

    private JsonNode feeHistory(long count, BlockSelector newestSelector, List<Double> percentiles) {
        EthBackend.ChainBlock newest = blocks.findBlock(newestSelector).orElseThrow(() -> serverError("header not found"));
        long newestNumber = newest.header().number();
        long blockCount = Math.min(Math.min(count, config.maxFeeHistoryBlocks()), newestNumber + 1);
        long oldest = newestNumber - blockCount + 1;
        ObjectNode o = F.objectNode();
        o.put("oldestBlock", RpcEncoding.quantity(blockCount == 0 ? newestNumber : oldest));
        ArrayNode baseFees = o.putArray("baseFeePerGas");
        ArrayNode ratios = o.putArray("gasUsedRatio");
        ArrayNode blobFees = o.putArray("baseFeePerBlobGas");
        ArrayNode blobRatios = o.putArray("blobGasUsedRatio");
        ArrayNode rewards = percentiles.isEmpty() ? null : o.putArray("reward");
        BlockHeader last = null;
        for (long n = oldest; n <= newestNumber && blockCount > 0; n++) {
            EthBackend.ChainBlock b = backend.block(n).orElseThrow(() -> serverError("header not found"));
            BlockHeader h = b.header();
            baseFees.add(RpcEncoding.quantity(h.baseFeePerGas()));
            ratios.add(h.gasLimit() == 0 ? 0.0 : (double) h.gasUsed() / h.gasLimit());
            blobFees.add(RpcEncoding.quantity(BlobGas.baseFee(h.excessBlobGas())));
            blobRatios.add(0.0);
            if (rewards != null) {
                rewards.add(rewards(b, percentiles));
            }
            last = h;
        }
        if (last != null) {
            baseFees.add(RpcEncoding.quantity(FeeMarket.nextBaseFee(last)));
            blobFees.add(RpcEncoding.quantity(BlobGas.baseFee(0)));
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
}
