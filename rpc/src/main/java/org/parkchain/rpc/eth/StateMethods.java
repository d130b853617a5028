package org.parkchain.rpc.eth;

import static org.parkchain.rpc.eth.BlockLookup.blockParam;
import static org.parkchain.rpc.eth.EthErrors.invalidParams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.rpc.BlockSelector;
import org.parkchain.rpc.InvalidEncodingException;
import org.parkchain.rpc.MethodGroup;
import org.parkchain.rpc.RpcEncoding;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.RpcParams;
import org.parkchain.state.StateProof;

/** Account state at a block: eth_getBalance, eth_getTransactionCount, eth_getCode, eth_getStorageAt, eth_getProof. */
public final class StateMethods implements MethodGroup {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final EthBackend backend;
    private final BlockLookup blocks;

    public StateMethods(EthBackend backend) {
        this.backend = backend;
        this.blocks = new BlockLookup(backend);
    }

    @Override
    public void registerInto(RpcMethods m) {
        m.register("eth_getBalance", 2, p -> {
            Address who = p.required(0, RpcParams.ADDRESS);
            return RpcEncoding.quantity(blocks.stateAt(blockParam(p, 1)).balance(who));
        });
        m.register("eth_getTransactionCount", 2, p -> {
            Address who = p.required(0, RpcParams.ADDRESS);
            BlockSelector selector = blockParam(p, 1);
            long nonce = blocks.stateAt(selector).nonce(who);
            if (selector == BlockSelector.Tag.PENDING) {
                nonce = Math.max(nonce, backend.pendingNonce(who));
            }
            return RpcEncoding.quantity(nonce);
        });
        m.register("eth_getCode", 2, p -> {
            Address who = p.required(0, RpcParams.ADDRESS);
            // The park's system contracts and tokens carry their marker code in the state itself.
            return Hex.encode(blocks.stateAt(blockParam(p, 1)).code(who));
        });
        m.register("eth_getStorageAt", 3, p -> {
            Address who = p.required(0, RpcParams.ADDRESS);
            UInt256 slot = p.required(1, StateMethods::storageKey);
            return Hex.encode(blocks.stateAt(blockParam(p, 2)).storage(who, slot).toBytes32());
        });
        m.register("eth_getProof", 3, p -> {
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
            return proof(blocks.stateAt(blockParam(p, 2)).proof(who, keys), keysNode);
        });
    }

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
    static UInt256 storageKey(JsonNode node) {
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
}
