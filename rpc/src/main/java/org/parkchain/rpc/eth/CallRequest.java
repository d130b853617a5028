package org.parkchain.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.AccessListEntry;
import org.parkchain.primitives.tx.Authorization;
import org.parkchain.rpc.InvalidEncodingException;
import org.parkchain.rpc.RpcEncoding;

/**
 * The transaction object of eth_call, eth_estimateGas and eth_sendTransaction (geth's TransactionArgs): every
 * field optional, validated strictly. {@code input} and its old name {@code data} may both be given only if they
 * agree; a legacy {@code gasPrice} excludes the EIP-1559 fee fields.
 */
public record CallRequest(
        Optional<Address> from,
        Optional<Address> to,
        Optional<Long> gas,
        Optional<UInt256> gasPrice,
        Optional<UInt256> maxFeePerGas,
        Optional<UInt256> maxPriorityFeePerGas,
        Optional<UInt256> value,
        byte[] input,
        Optional<Long> nonce,
        Optional<List<AccessListEntry>> accessList,
        Optional<Long> type,
        Optional<BigInteger> chainId,
        Optional<List<Authorization>> authorizationList) {

    private static final Set<String> FIELDS = Set.of("from", "to", "gas", "gasPrice", "maxFeePerGas",
            "maxPriorityFeePerGas", "value", "input", "data", "nonce", "accessList", "type", "chainId", "authorizationList",
            // Accepted and ignored, as geth does, because wallets send them: Parkchain carries no blobs.
            "blobVersionedHashes", "maxFeePerBlobGas");

    public CallRequest {
        input = input.clone();
    }

    @Override
    public byte[] input() {
        return input.clone();
    }

    /** Whether any fee field was given; without one eth_call runs at gas price zero, as in geth. */
    public boolean hasFees() {
        return gasPrice.isPresent() || maxFeePerGas.isPresent() || maxPriorityFeePerGas.isPresent();
    }

    public static CallRequest fromJson(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidEncodingException("expected a transaction object, got " + node.getNodeType().name().toLowerCase());
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new InvalidEncodingException("unknown transaction field '" + name + "'");
            }
        });
        Optional<byte[]> input = field(node, "input", RpcEncoding::decodeData);
        Optional<byte[]> data = field(node, "data", RpcEncoding::decodeData);
        if (input.isPresent() && data.isPresent() && !Arrays.equals(input.get(), data.get())) {
            throw new InvalidEncodingException("both \"data\" and \"input\" are set and not equal. "
                    + "Please use \"input\" to pass transaction call data");
        }
        Optional<UInt256> gasPrice = field(node, "gasPrice", RpcEncoding::decodeQuantityAsUInt256);
        Optional<UInt256> maxFee = field(node, "maxFeePerGas", RpcEncoding::decodeQuantityAsUInt256);
        Optional<UInt256> maxPriority = field(node, "maxPriorityFeePerGas", RpcEncoding::decodeQuantityAsUInt256);
        if (gasPrice.isPresent() && (maxFee.isPresent() || maxPriority.isPresent())) {
            throw new InvalidEncodingException("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
        }
        if (maxFee.isPresent() && maxPriority.isPresent() && maxPriority.get().compareTo(maxFee.get()) > 0) {
            throw new InvalidEncodingException("maxFeePerGas (" + maxFee.get().toBigInteger()
                    + ") < maxPriorityFeePerGas (" + maxPriority.get().toBigInteger() + ")");
        }
        return new CallRequest(
                field(node, "from", RpcEncoding::decodeAddress),
                field(node, "to", RpcEncoding::decodeAddress),
                field(node, "gas", RpcEncoding::decodeQuantityAsLong),
                gasPrice, maxFee, maxPriority,
                field(node, "value", RpcEncoding::decodeQuantityAsUInt256),
                input.or(() -> data).orElse(new byte[0]),
                field(node, "nonce", RpcEncoding::decodeQuantityAsLong),
                field(node, "accessList", CallRequest::accessList),
                field(node, "type", RpcEncoding::decodeQuantityAsLong),
                field(node, "chainId", RpcEncoding::decodeQuantity),
                field(node, "authorizationList", CallRequest::authorizationList));
    }

    /** EIP-7702 tuples as geth and ethers write them: chainId, address, nonce, yParity (or v), r, s. */
    static List<Authorization> authorizationList(JsonNode node) {
        if (!node.isArray()) {
            throw new InvalidEncodingException("expected an array");
        }
        List<Authorization> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode a = node.get(i);
            if (!a.isObject()) {
                throw new InvalidEncodingException("[" + i + "]: expected an object");
            }
            String at = "[" + i + "].";
            UInt256 chainId = field(a, "chainId", RpcEncoding::decodeQuantityAsUInt256)
                    .orElseThrow(() -> new InvalidEncodingException(at + "chainId: missing"));
            Address address = field(a, "address", RpcEncoding::decodeAddress)
                    .orElseThrow(() -> new InvalidEncodingException(at + "address: missing"));
            long nonce = field(a, "nonce", RpcEncoding::decodeQuantityAsLong)
                    .orElseThrow(() -> new InvalidEncodingException(at + "nonce: missing"));
            long yParity = field(a, "yParity", RpcEncoding::decodeQuantityAsLong)
                    .or(() -> field(a, "v", RpcEncoding::decodeQuantityAsLong))
                    .orElseThrow(() -> new InvalidEncodingException(at + "yParity: missing"));
            if (yParity < 0 || yParity > 255) {
                throw new InvalidEncodingException(at + "yParity: must fit a byte, got " + yParity);
            }
            UInt256 r = field(a, "r", RpcEncoding::decodeQuantityAsUInt256)
                    .orElseThrow(() -> new InvalidEncodingException(at + "r: missing"));
            UInt256 sig = field(a, "s", RpcEncoding::decodeQuantityAsUInt256)
                    .orElseThrow(() -> new InvalidEncodingException(at + "s: missing"));
            out.add(new Authorization(chainId, address, nonce, (int) yParity, r, sig));
        }
        return out;
    }

    static List<AccessListEntry> accessList(JsonNode node) {
        if (!node.isArray()) {
            throw new InvalidEncodingException("expected an array");
        }
        List<AccessListEntry> entries = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            if (!entry.isObject()) {
                throw new InvalidEncodingException("[" + i + "]: expected an object");
            }
            Address address = field(entry, "address", RpcEncoding::decodeAddress)
                    .orElseThrow(() -> new InvalidEncodingException("missing address"));
            List<Hash> keys = new ArrayList<>();
            JsonNode keysNode = entry.path("storageKeys");
            if (!keysNode.isMissingNode() && !keysNode.isNull()) {
                if (!keysNode.isArray()) {
                    throw new InvalidEncodingException("[" + i + "].storageKeys: expected an array");
                }
                for (JsonNode key : keysNode) {
                    keys.add(RpcEncoding.decodeHash(key));
                }
            }
            entries.add(new AccessListEntry(address, keys));
        }
        return entries;
    }

    private static <T> Optional<T> field(JsonNode node, String name, java.util.function.Function<JsonNode, T> decoder) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(decoder.apply(value));
        } catch (InvalidEncodingException e) {
            throw new InvalidEncodingException(name + ": " + e.getMessage());
        }
    }
}
