package org.parkchain.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parkchain.chain.ExecutableTransaction;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.AccessListEntry;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;

/** Turns a GeneralStateTests {@code transaction} (with its data/gas/value arrays) into the transaction of one case. */
final class TestTransaction {
    private TestTransaction() {}

    /** The case's transaction, or the reason it cannot even be decoded (a field out of range). */
    record Built(ExecutableTransaction transaction, String undecodable) {}

    static Built build(JsonNode tx, int d, int g, int v) {
        String valueText = tx.get("value").get(v).asText();
        String gasText = tx.get("gasLimit").get(g).asText();
        UInt256 value;
        try {
            value = UInt256.parse(valueText);
        } catch (IllegalArgumentException e) {
            return new Built(null, "value " + valueText + " is not a 256-bit number");
        }
        UInt256 gas = UInt256.parse(gasText);
        UInt256 nonce = UInt256.parse(tx.get("nonce").asText());
        if (gas.bitLength() > 64 || nonce.bitLength() > 64) {
            return new Built(null, "gas limit or nonce wider than 64 bits");
        }
        byte[] data = Hex.decode(stripLabel(tx.get("data").get(d).asText()));
        String toText = tx.path("to").asText("");
        Optional<Address> to = toText.isEmpty() ? Optional.empty() : Optional.of(Address.fromHex(toText));

        boolean blob = tx.has("blobVersionedHashes");
        boolean dynamicFee = tx.has("maxFeePerGas");
        JsonNode lists = tx.get("accessLists");
        List<AccessListEntry> accessList = new ArrayList<>();
        if (lists != null && lists.has(d) && !lists.get(d).isNull()) {
            for (JsonNode entry : lists.get(d)) {
                List<Hash> keys = new ArrayList<>();
                for (JsonNode k : entry.get("storageKeys")) {
                    keys.add(Hash.wrap(UInt256.parse(k.asText()).toBytes32()));
                }
                accessList.add(new AccessListEntry(Address.fromHex(entry.get("address").asText()), keys));
            }
        }
        UInt256 maxFee = dynamicFee ? UInt256.parse(tx.get("maxFeePerGas").asText()) : UInt256.parse(tx.get("gasPrice").asText());
        UInt256 maxTip = dynamicFee ? UInt256.parse(tx.get("maxPriorityFeePerGas").asText()) : maxFee;
        List<Hash> blobHashes = new ArrayList<>();
        if (blob) {
            for (JsonNode h : tx.get("blobVersionedHashes")) {
                blobHashes.add(Hash.fromHex(h.asText()));
            }
        }
        UInt256 maxFeePerBlobGas = blob ? UInt256.parse(tx.get("maxFeePerBlobGas").asText()) : UInt256.ZERO;
        Address sender = PrivateKey.of(Hex.decode(tx.get("secretKey").asText())).address();
        if (tx.has("sender") && !Address.fromHex(tx.get("sender").asText()).equals(sender)) {
            throw new IllegalArgumentException("secretKey belongs to " + sender + ", not to the test's sender " + tx.get("sender").asText());
        }
        TransactionType type = blob ? TransactionType.BLOB
                : dynamicFee ? TransactionType.DYNAMIC_FEE
                : lists != null ? TransactionType.ACCESS_LIST : TransactionType.LEGACY;
        return new Built(new ExecutableTransaction(type, sender, nonce.u0, gas.u0, to, value, data, maxFee, maxTip,
                accessList, List.of(), maxFeePerBlobGas, blobHashes, Optional.empty()), null);
    }

    /**
     * The execution view of a decoded transaction (sender recovered from its signature). Chain owns the mapping
     * for the node; this one is the runner's, so the state tests exercise decoding and recovery on real transactions.
     */
    static ExecutableTransaction fromDecoded(Transaction tx) {
        return new ExecutableTransaction(tx.type(), tx.sender(), tx.nonce(), tx.gasLimit(), tx.to(), tx.value(), tx.data(),
                tx.maxFeePerGas(), tx.maxPriorityFeePerGas(), tx.accessList(), tx.authorizationList(), UInt256.ZERO,
                List.of(), tx.chainId());
    }

    /** Where the decoded {@code txbytes} and the test's JSON fields disagree, or null when they describe one transaction. */
    static String difference(ExecutableTransaction decoded, ExecutableTransaction json) {
        if (!decoded.sender().equals(json.sender())) return "sender " + decoded.sender() + " vs " + json.sender();
        if (decoded.nonce() != json.nonce()) return "nonce " + decoded.nonce() + " vs " + json.nonce();
        if (decoded.gasLimit() != json.gasLimit()) return "gas limit " + decoded.gasLimit() + " vs " + json.gasLimit();
        if (!decoded.to().equals(json.to())) return "to " + decoded.to() + " vs " + json.to();
        if (!decoded.value().equals(json.value())) return "value " + decoded.value() + " vs " + json.value();
        if (!java.util.Arrays.equals(decoded.data(), json.data())) return "data differs";
        if (!decoded.maxFeePerGas().equals(json.maxFeePerGas())) return "max fee " + decoded.maxFeePerGas() + " vs " + json.maxFeePerGas();
        if (!decoded.maxPriorityFeePerGas().equals(json.maxPriorityFeePerGas())) return "tip differs";
        if (!decoded.accessList().equals(json.accessList())) return "access list differs";
        return null;
    }

    /** Some fillers label data as {@code :label name 0x…}; the bytes are what follows the last space. */
    private static String stripLabel(String s) {
        int space = s.lastIndexOf(' ');
        return space >= 0 ? s.substring(space + 1) : s;
    }
}
