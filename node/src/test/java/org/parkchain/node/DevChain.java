package org.parkchain.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.parkchain.chain.Genesis;
import org.parkchain.evm.Assembler;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;

/** Small builders for tests against a dev node: keys, signed transactions, and a test contract. */
final class DevChain {
    static final List<PrivateKey> KEYS = Genesis.devKeys();
    static final UInt256 GWEI = UInt256.of(1_000_000_000L);

    /**
     * A contract that, called without data, stores 42 in slot 0, emits LOG1 with topic 0x77 and returns 42; called
     * with any data, reverts with {@code Error("nope")}.
     */
    static final byte[] RUNTIME = Assembler.assemble("""
            CALLDATASIZE :bad JUMPI
            PUSH 42 PUSH0 SSTORE
            PUSH 0x77 PUSH0 PUSH0 LOG1
            PUSH 42 PUSH0 MSTORE PUSH 0x20 PUSH0 RETURN
            @bad
            PUSH4 0x08c379a0 PUSH 0xe0 SHL PUSH0 MSTORE
            PUSH 0x20 PUSH 4 MSTORE
            PUSH 4 PUSH 0x24 MSTORE
            PUSH4 0x6e6f7065 PUSH 0xe0 SHL PUSH 0x44 MSTORE
            PUSH 0x64 PUSH0 REVERT
            """);
    static final Hash TOPIC = Hash.wrap(UInt256.of(0x77).toBytes32());

    private DevChain() {}

    /** Init code that deploys {@link #RUNTIME}. */
    static byte[] initCode() {
        byte[] prefix = Assembler.assemble("PUSH2 " + RUNTIME.length + " DUP1 PUSH2 11 PUSH0 CODECOPY PUSH0 RETURN");
        if (prefix.length != 11) {
            throw new AssertionError("init prefix is " + prefix.length + " bytes");
        }
        byte[] out = new byte[prefix.length + RUNTIME.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(RUNTIME, 0, out, prefix.length, RUNTIME.length);
        return out;
    }

    static Transaction.Builder eip1559(long nonce) {
        return Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(Genesis.DEV_CHAIN_ID).nonce(nonce)
                .maxPriorityFeePerGas(GWEI).maxFeePerGas(GWEI.mul(UInt256.of(10))).gasLimit(21_000);
    }

    static Transaction transfer(PrivateKey from, long nonce, Address to, UInt256 value) {
        return eip1559(nonce).to(to).value(value).sign(from);
    }

    static String raw(Transaction tx) {
        return Hex.encode(tx.encode());
    }

    static long nonce(NodeRpc rpc, Address who) {
        return Long.decode(rpc.call("eth_getTransactionCount", who.toHex(), "pending").textValue());
    }

    /** Deploys the test contract from {@code key} and returns its address. */
    static Address deploy(NodeRpc rpc, PrivateKey key) {
        Transaction tx = eip1559(nonce(rpc, key.address())).gasLimit(200_000).data(initCode()).sign(key);
        JsonNode receipt = rpc.awaitReceipt(rpc.call("eth_sendRawTransaction", raw(tx)).textValue());
        if (!receipt.get("status").textValue().equals("0x1")) {
            throw new AssertionError("deployment failed: " + receipt);
        }
        return Address.fromHex(receipt.get("contractAddress").textValue());
    }
}
