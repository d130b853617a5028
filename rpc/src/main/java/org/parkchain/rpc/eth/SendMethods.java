package org.parkchain.rpc.eth;

import static org.parkchain.rpc.eth.EthErrors.invalidParams;
import static org.parkchain.rpc.eth.EthErrors.serverError;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;
import org.parkchain.rpc.MethodGroup;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.RpcParams;

/**
 * Transactions into the pool: eth_sendRawTransaction, and for the accounts the node holds keys for (the dev
 * accounts with {@code --dev}; otherwise none) eth_accounts and eth_sendTransaction.
 */
public final class SendMethods implements MethodGroup {
    private final EthBackend backend;
    private final BlockLookup blocks;
    private final CallExecutor executor;
    private final Map<Address, PrivateKey> signers;
    private final Impersonation impersonation;

    public SendMethods(EthBackend backend, EthApiConfig config, List<PrivateKey> signers) {
        this(new BlockLookup(backend), new CallExecutor(backend, config), signers, new Impersonation());
    }

    /** @param impersonation the accounts eth_sendTransaction may send as without a key (a dev node's; else none) */
    SendMethods(BlockLookup blocks, CallExecutor executor, List<PrivateKey> signers, Impersonation impersonation) {
        this.backend = blocks.backend();
        this.blocks = blocks;
        this.executor = executor;
        this.impersonation = impersonation;
        Map<Address, PrivateKey> byAddress = new LinkedHashMap<>();
        signers.forEach(k -> byAddress.put(k.address(), k));
        this.signers = Collections.unmodifiableMap(byAddress);
    }

    @Override
    public void registerInto(RpcMethods m) {
        m.register("eth_accounts", 0, p -> {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            signers.keySet().forEach(a -> list.add(a.toHex()));
            // As Anvil: the impersonated accounts too, so that a wallet library's getSigner(address) accepts them.
            impersonation.accounts().stream().filter(a -> !signers.containsKey(a)).sorted()
                    .forEach(a -> list.add(a.toHex()));
            return list;
        });
        m.register("eth_sendRawTransaction", 1, p -> backend.submit(p.required(0, RpcParams.DATA)).toHex());
        m.register("eth_sendTransaction", 1, p -> sendTransaction(p.required(0, CallRequest::fromJson)).toHex());
    }

    private Hash sendTransaction(CallRequest request) {
        Address from = request.from().orElseThrow(() -> invalidParams("invalid argument 0: missing required field 'from'"));
        // A key the node holds signs; an impersonated account (dev chains only) gets an impersonation signature.
        PrivateKey key = signers.get(from);
        if (key == null && !impersonation.covers(from)) {
            throw serverError("unknown account");
        }
        if (request.chainId().isPresent() && !request.chainId().get().equals(BigInteger.valueOf(backend.chainId()))) {
            throw serverError("chainId does not match node's (have=" + request.chainId().get() + ", want="
                    + backend.chainId() + ")");
        }
        long nonce = request.nonce().orElseGet(() -> Math.max(backend.pendingNonce(from),
                backend.state(backend.head().header()).nonce(from)));
        boolean legacy = request.gasPrice().isPresent() || request.type().filter(t -> t == 0).isPresent();
        boolean setCode = request.authorizationList().isPresent();
        Transaction.Builder b = Transaction.builder(legacy ? TransactionType.LEGACY
                        : setCode ? TransactionType.SET_CODE : TransactionType.DYNAMIC_FEE)
                .chainId(backend.chainId())
                .nonce(nonce)
                .value(request.value().orElse(UInt256.ZERO))
                .data(request.input());
        request.to().ifPresent(b::to);
        if (legacy) {
            b.gasPrice(request.gasPrice().orElseGet(() -> blocks.nextBaseFee().add(FeeMethods.SUGGESTED_TIP)));
        } else {
            UInt256 tip = request.maxPriorityFeePerGas().orElse(FeeMethods.SUGGESTED_TIP);
            // Room for the base fee to double before the transaction is included, as ethers.js and geth suggest.
            UInt256 maxFee = request.maxFeePerGas().orElseGet(() -> blocks.nextBaseFee().mul(UInt256.of(2)).add(tip));
            b.maxPriorityFeePerGas(tip).maxFeePerGas(maxFee);
            request.accessList().ifPresent(b::accessList);
            request.authorizationList().ifPresent(b::authorizationList);
        }
        long gas = request.gas().orElseGet(
                () -> executor.estimate(request, backend.head().header(), StateOverrides.NONE, true));
        b.gasLimit(gas);
        return backend.submit(key != null ? b.sign(key) : b.impersonate(from));
    }
}
