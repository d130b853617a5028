package org.parkchain.rpc.eth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.parkchain.evm.Opcodes;
import org.parkchain.evm.Tracer;
import org.parkchain.evm.WorldView;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.rpc.RpcEncoding;

/**
 * geth's prestateTracer: every account the transaction touched (sender, coinbase, every frame's accounts, the
 * accounts BALANCE, EXTCODE* and SELFDESTRUCT name) with its balance, nonce, code and the storage slots read or
 * written, as they were before the transaction. Each account and slot is read the first time it is touched, before
 * the instruction that touches it runs, so the value read is the one before the transaction. With {@code diffMode}
 * the answer is {@code {pre, post}}: the changed accounts before, and their changed fields after.
 */
final class PrestateTracer implements Tracer {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** An account's fields; storage holds the touched slots. */
    private record Account(UInt256 balance, long nonce, byte[] code, Map<UInt256, UInt256> storage) {}

    private final boolean diffMode;
    private final Map<Address, Account> pre = new LinkedHashMap<>();
    private WorldView world;
    private ObjectNode result;

    PrestateTracer(boolean diffMode) {
        this.diffMode = diffMode;
    }

    @Override
    public void begin(WorldView world, Address sender, Address coinbase) {
        this.world = world;
        touch(sender);
        touch(coinbase);
    }

    @Override
    public void enter(int depth, CallType type, Address from, Address to, byte[] input, long gas, UInt256 value) {
        touch(from);
        touch(to);
    }

    @Override
    public void step(Step s) {
        int op = s.op();
        int n = s.stackSize();
        switch (op) {
            case Opcodes.SLOAD, Opcodes.SSTORE -> {
                if (n >= 1) touchSlot(s.address(), s.stack(n - 1));
            }
            case Opcodes.BALANCE, Opcodes.EXTCODESIZE, Opcodes.EXTCODECOPY, Opcodes.EXTCODEHASH, Opcodes.SELFDESTRUCT -> {
                if (n >= 1) touch(Address.fromWord(s.stack(n - 1).toBytes32()));
            }
            default -> { }
        }
    }

    private void touch(Address a) {
        if (world == null || pre.containsKey(a)) return;
        pre.put(a, new Account(world.balance(a), world.nonce(a), world.code(a), new TreeMap<>()));
    }

    private void touchSlot(Address a, UInt256 key) {
        touch(a);
        Account account = pre.get(a);
        if (account != null) account.storage().computeIfAbsent(key, k -> world.storage(a, k));
    }

    @Override
    public void end(WorldView after) {
        result = diffMode ? diff(after) : render(pre);
    }

    private ObjectNode diff(WorldView after) {
        Map<Address, Account> changedBefore = new LinkedHashMap<>();
        Map<Address, Account> changedAfter = new LinkedHashMap<>();
        pre.forEach((address, before) -> {
            Map<UInt256, UInt256> slotsBefore = new TreeMap<>();
            Map<UInt256, UInt256> slotsAfter = new TreeMap<>();
            before.storage().forEach((key, value) -> {
                UInt256 now = after.storage(address, key);
                if (!now.equals(value)) {
                    slotsBefore.put(key, value);
                    slotsAfter.put(key, now);
                }
            });
            UInt256 balance = after.balance(address);
            long nonce = after.nonce(address);
            byte[] code = after.code(address);
            boolean changed = !balance.equals(before.balance()) || nonce != before.nonce()
                    || !Arrays.equals(code, before.code()) || !slotsAfter.isEmpty();
            if (!changed) return;
            changedBefore.put(address, new Account(before.balance(), before.nonce(), before.code(), slotsBefore));
            changedAfter.put(address, new Account(balance.equals(before.balance()) ? null : balance,
                    nonce == before.nonce() ? -1 : nonce, Arrays.equals(code, before.code()) ? null : code, slotsAfter));
        });
        ObjectNode o = JSON.objectNode();
        o.set("pre", render(changedBefore));
        o.set("post", render(changedAfter));
        return o;
    }

    /** Accounts as geth shows them: a zero nonce, empty code, no slots and (in post) an unchanged field left out. */
    private static ObjectNode render(Map<Address, Account> accounts) {
        ObjectNode o = JSON.objectNode();
        accounts.forEach((address, a) -> {
            ObjectNode json = o.putObject(address.toHex());
            if (a.balance() != null) json.put("balance", RpcEncoding.quantity(a.balance()));
            if (a.nonce() > 0) json.put("nonce", a.nonce());
            if (a.code() != null && a.code().length > 0) json.put("code", Hex.encode(a.code()));
            if (!a.storage().isEmpty()) {
                ObjectNode storage = json.putObject("storage");
                a.storage().forEach((k, v) -> storage.put(Hex.encode(k.toBytes32()), Hex.encode(v.toBytes32())));
            }
        });
        return o;
    }

    ObjectNode result() {
        if (result == null) throw new IllegalStateException("the transaction did not finish");
        return result;
    }
}
