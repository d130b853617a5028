package org.parkchain.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import fr.acinq.secp256k1.Secp256k1;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parkchain.chain.ExecutableTransaction;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.IntrinsicGas;

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
        List<ExecutableTransaction.AccessListEntry> accessList = new ArrayList<>();
        if (lists != null && lists.has(d) && !lists.get(d).isNull()) {
            for (JsonNode entry : lists.get(d)) {
                List<Hash> keys = new ArrayList<>();
                for (JsonNode k : entry.get("storageKeys")) {
                    keys.add(Hash.wrap(UInt256.parse(k.asText()).toBytes32()));
                }
                accessList.add(new ExecutableTransaction.AccessListEntry(Address.fromHex(entry.get("address").asText()), keys));
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
        Address sender = senderOf(Hex.decode(tx.get("secretKey").asText()));
        if (tx.has("sender") && !Address.fromHex(tx.get("sender").asText()).equals(sender)) {
            throw new IllegalArgumentException("secretKey belongs to " + sender + ", not to the test's sender " + tx.get("sender").asText());
        }
        int storageKeys = accessList.stream().mapToInt(e -> e.storageKeys().size()).sum();
        long intrinsic = IntrinsicGas.CANCUN.of(data, to.isEmpty(), accessList.size(), storageKeys);
        return new Built(new ExecutableTransaction(sender, nonce.u0, gas.u0, to, value, data, maxFee, maxTip, accessList,
                blob, maxFeePerBlobGas, blobHashes, Optional.empty(), intrinsic), null);
    }

    /**
     * The address of a private key: the low 20 bytes of Keccak-256 of the uncompressed public key without its 0x04
     * prefix. TEMPORARY adapter over the secp256k1 library until the primitives key type lands on branch prim.
     */
    static Address senderOf(byte[] secretKey) {
        byte[] publicKey = Secp256k1.get().pubkeyCreate(secretKey);
        byte[] uncompressed = publicKey.length == 65 ? publicKey : Secp256k1.get().pubkeyParse(publicKey);
        return Address.fromWord(Keccak.keccak256(uncompressed, 1, 64));
    }

    /** Some fillers label data as {@code :label name 0x…}; the bytes are what follows the last space. */
    private static String stripLabel(String s) {
        int space = s.lastIndexOf(' ');
        return space >= 0 ? s.substring(space + 1) : s;
    }
}
