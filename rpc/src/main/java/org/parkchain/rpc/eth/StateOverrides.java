package org.parkchain.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.rpc.InvalidEncodingException;
import org.parkchain.rpc.RpcEncoding;
import org.parkchain.state.WorldState;

/**
 * eth_call's third argument: per address, a balance, nonce, code, and either the whole storage ({@code state},
 * every other slot reads zero) or some slots ({@code stateDiff}). Applied to a throw-away copy of the state before
 * the call, exactly as geth's override set.
 */
public record StateOverrides(Map<Address, Override> accounts) {
    private static final Set<String> FIELDS = Set.of("balance", "nonce", "code", "state", "stateDiff");

    public record Override(Optional<UInt256> balance, Optional<Long> nonce, Optional<byte[]> code,
                           Optional<Map<UInt256, UInt256>> state, Map<UInt256, UInt256> stateDiff) {}

    public static final StateOverrides NONE = new StateOverrides(Map.of());

    public StateOverrides {
        accounts = Map.copyOf(accounts);
    }

    public static StateOverrides fromJson(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidEncodingException("expected a state override object");
        }
        Map<Address, Override> accounts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Address address;
            try {
                address = RpcEncoding.decodeAddress(com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey()));
            } catch (InvalidEncodingException ex) {
                throw new InvalidEncodingException("override key " + e.getKey() + ": " + ex.getMessage());
            }
            accounts.put(address, account(address, e.getValue()));
        }
        return new StateOverrides(accounts);
    }

    private static Override account(Address address, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidEncodingException(address + ": expected an object");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new InvalidEncodingException(address + ": unknown override field '" + name + "'");
            }
        });
        if (present(node, "state") && present(node, "stateDiff")) {
            throw new InvalidEncodingException("account " + address + " has both 'state' and 'stateDiff'");
        }
        try {
            return new Override(
                    present(node, "balance") ? Optional.of(RpcEncoding.decodeQuantityAsUInt256(node.get("balance"))) : Optional.empty(),
                    present(node, "nonce") ? Optional.of(RpcEncoding.decodeQuantityAsLong(node.get("nonce"))) : Optional.empty(),
                    present(node, "code") ? Optional.of(RpcEncoding.decodeData(node.get("code"))) : Optional.empty(),
                    present(node, "state") ? Optional.of(slots(node.get("state"))) : Optional.empty(),
                    present(node, "stateDiff") ? slots(node.get("stateDiff")) : Map.of());
        } catch (InvalidEncodingException e) {
            throw new InvalidEncodingException(address + ": " + e.getMessage());
        }
    }

    private static Map<UInt256, UInt256> slots(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidEncodingException("expected an object of slot: value");
        }
        Map<UInt256, UInt256> slots = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Hash key;
            Hash value;
            try {
                key = RpcEncoding.decodeHash(com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey()));
                value = RpcEncoding.decodeHash(e.getValue());
            } catch (InvalidEncodingException ex) {
                throw new InvalidEncodingException("slot " + e.getKey() + ": " + ex.getMessage());
            }
            slots.put(UInt256.fromBytes(key.bytesUnsafe()), UInt256.fromBytes(value.bytesUnsafe()));
        }
        return slots;
    }

    private static boolean present(JsonNode node, String name) {
        JsonNode v = node.path(name);
        return !v.isMissingNode() && !v.isNull();
    }

    /** Applies the overrides to {@code world}, a copy that is thrown away after the call. */
    public void applyTo(WorldState world) {
        for (Map.Entry<Address, Override> e : accounts.entrySet()) {
            Address a = e.getKey();
            Override o = e.getValue();
            o.balance().ifPresent(b -> world.setBalance(a, b));
            o.nonce().ifPresent(n -> world.setNonce(a, n));
            o.code().ifPresent(c -> world.setCode(a, c));
            o.state().ifPresent(slots -> {
                // Re-creating the account is the world's one way to drop all storage; it keeps the balance, so
                // only nonce and code need putting back.
                long nonce = world.nonce(a);
                byte[] code = world.code(a);
                world.createAccount(a);
                world.setNonce(a, nonce);
                world.setCode(a, code);
                slots.forEach((k, v) -> world.setStorage(a, k, v));
            });
            o.stateDiff().forEach((k, v) -> world.setStorage(a, k, v));
        }
        // The overrides are the state the call starts from, not part of its transaction (nothing is "created").
        world.endTransaction();
    }
}
