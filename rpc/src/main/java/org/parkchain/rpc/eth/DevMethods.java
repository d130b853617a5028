package org.parkchain.rpc.eth;

import static org.parkchain.rpc.eth.EthErrors.invalidParams;
import static org.parkchain.rpc.eth.EthErrors.serverError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;
import org.parkchain.rpc.InvalidEncodingException;
import org.parkchain.rpc.MethodGroup;
import org.parkchain.rpc.RpcEncoding;
import org.parkchain.rpc.RpcMethod;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.RpcParams;

/**
 * The development controls of Hardhat's and Anvil's nodes, on a {@code --dev} chain only: evm_mine, evm_increaseTime,
 * evm_setNextBlockTimestamp, evm_snapshot/evm_revert, evm_setAutomine, hardhat_getAutomine, hardhat_setBalance,
 * hardhat_setCode, hardhat_setStorageAt, hardhat_setNonce, hardhat_mine, hardhat_metadata,
 * hardhat_impersonateAccount/hardhat_stopImpersonatingAccount (and Anvil's anvil_autoImpersonateAccount), and the
 * anvil_* names of the same. Results and error texts follow Hardhat's node. Without a dev chain every one of them is refused with an
 * error that says so, rather than "method not found", so a misdirected test suite learns why.
 */
public final class DevMethods implements MethodGroup {
    /** The refusal on a chain that is not a development chain. */
    static final String NOT_DEV = " is only available on a development chain (parkchain node --dev)";

    private final EthBackend backend;
    private final Optional<DevBackend> dev;
    private final String clientVersion;
    private final Hash instanceId;
    private final Impersonation impersonation;

    /**
     * @param dev the node's dev chain, or empty when it is not one
     * @param clientVersion what web3_clientVersion answers, repeated by hardhat_metadata
     */
    public DevMethods(EthBackend backend, Optional<DevBackend> dev, String clientVersion) {
        this(backend, dev, clientVersion, new Impersonation());
    }

    /** @param impersonation the accounts impersonated, which eth_sendTransaction sends as ({@link EthApi}'s) */
    public DevMethods(EthBackend backend, Optional<DevBackend> dev, String clientVersion, Impersonation impersonation) {
        this.impersonation = impersonation;
        this.backend = backend;
        this.dev = dev;
        this.clientVersion = clientVersion;
        // Hardhat's instanceId tells a client that the node it talks to was restarted: a new one per start.
        this.instanceId = Keccak.hash((clientVersion + System.nanoTime() + Math.random()).getBytes());
    }

    @Override
    public void registerInto(RpcMethods m) {
        register(m, 1, p -> {
            Optional<Long> timestamp = p.optional(0, DevMethods::mineTimestamp);
            if (timestamp.isPresent()) {
                dev().mineAt(timestamp.get());
            } else {
                dev().mine();
            }
            return "0x0";
        }, "evm_mine");
        register(m, 1, p -> Long.toString(dev().increaseTime(p.required(0, DevMethods::seconds))), "evm_increaseTime");
        register(m, 1, p -> {
            long timestamp = p.required(0, DevMethods::seconds);
            dev().setNextBlockTimestamp(timestamp);
            return Long.toString(timestamp);
        }, "evm_setNextBlockTimestamp", "anvil_setNextBlockTimestamp");
        register(m, 0, p -> RpcEncoding.quantity(dev().snapshot()), "evm_snapshot", "anvil_snapshot");
        register(m, 1, p -> dev().revert(p.required(0, RpcParams.QUANTITY_LONG)), "evm_revert", "anvil_revert");
        register(m, 1, p -> {
            dev().setAutomine(p.required(0, RpcParams.BOOLEAN));
            return true;
        }, "evm_setAutomine", "anvil_setAutomine");
        register(m, 0, p -> dev().automine(), "hardhat_getAutomine", "anvil_getAutomine");
        register(m, 2, p -> {
            long blocks = p.optional(0, RpcParams.QUANTITY_LONG).orElse(1L);
            long interval = p.optional(1, RpcParams.QUANTITY_LONG).orElse(1L);
            dev().mine(blocks, interval);
            return true;
        }, "hardhat_mine", "anvil_mine");
        register(m, 2, p -> {
            Address who = p.required(0, RpcParams.ADDRESS);
            UInt256 balance = p.required(1, RpcParams.UINT256);
            dev().edit(state -> state.setBalance(who, balance), Set.of(who));
            return true;
        }, "hardhat_setBalance", "anvil_setBalance");
        register(m, 2, p -> {
            Address who = p.required(0, RpcParams.ADDRESS);
            byte[] code = p.required(1, RpcParams.DATA);
            dev().edit(state -> state.setCode(who, code), Set.of(who));
            return true;
        }, "hardhat_setCode", "anvil_setCode");
        register(m, 3, p -> {
            Address who = p.required(0, RpcParams.ADDRESS);
            UInt256 slot = p.required(1, RpcParams.UINT256);
            byte[] value = p.required(2, RpcParams.DATA);
            if (value.length != 32) {
                throw invalidParams("Storage value must be exactly 32 bytes long. Received "
                        + value.length + " bytes");
            }
            dev().edit(state -> state.setStorage(who, slot, UInt256.fromBytes(value)), Set.of(who));
            return true;
        }, "hardhat_setStorageAt", "anvil_setStorageAt");
        register(m, 2, p -> {
            Address who = p.required(0, RpcParams.ADDRESS);
            long nonce = p.required(1, RpcParams.QUANTITY_LONG);
            long current = backend.state(backend.head().header()).nonce(who);
            if (nonce < current) {
                throw invalidParams("New nonce (" + nonce + ") must not be smaller than the existing nonce (" + current + ")");
            }
            dev().edit(state -> state.setNonce(who, nonce), Set.of(who));
            return true;
        }, "hardhat_setNonce", "anvil_setNonce");
        // Impersonation: eth_sendTransaction from the account is accepted without its key (Hardhat answers true,
        // Anvil null). The transactions carry an ImpersonatedSender signature, which only a dev chain admits.
        register(m, 1, p -> {
            Address who = p.required(0, RpcParams.ADDRESS);
            dev();
            impersonation.start(who);
            return true;
        }, "hardhat_impersonateAccount");
        register(m, 1, p -> {
            Address who = p.required(0, RpcParams.ADDRESS);
            dev();
            impersonation.start(who);
            return NullNode.getInstance();
        }, "anvil_impersonateAccount");
        register(m, 1, p -> {
            Address who = p.required(0, RpcParams.ADDRESS);
            dev();
            return impersonation.stop(who); // Hardhat: false when the account was not impersonated
        }, "hardhat_stopImpersonatingAccount");
        register(m, 1, p -> {
            Address who = p.required(0, RpcParams.ADDRESS);
            dev();
            impersonation.stop(who);
            return NullNode.getInstance();
        }, "anvil_stopImpersonatingAccount");
        register(m, 1, p -> {
            boolean on = p.required(0, RpcParams.BOOLEAN);
            dev();
            impersonation.everyone(on);
            return NullNode.getInstance();
        }, "anvil_autoImpersonateAccount");
        register(m, 0, p -> {
            dev(); // refused off a dev chain like the rest
            JsonNodeFactory f = JsonNodeFactory.instance;
            ObjectNode o = f.objectNode();
            EthBackend.ChainBlock head = backend.head();
            o.put("clientVersion", clientVersion);
            o.put("chainId", backend.chainId());
            o.put("instanceId", instanceId.toHex());
            o.put("latestBlockNumber", head.header().number());
            o.put("latestBlockHash", head.hash().toHex());
            return o;
        }, "hardhat_metadata");
    }

    private static void register(RpcMethods m, int maxParams, RpcMethod method, String... names) {
        for (String name : names) {
            m.register(name, maxParams, p -> {
                try {
                    return method.call(p);
                } catch (NotDev e) {
                    throw serverError(name + NOT_DEV);
                } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
                    // The dev chain's refusals (a timestamp in the past, a revert on a chain kept on disk).
                    throw serverError(e.getMessage());
                }
            });
        }
    }

    private static final class NotDev extends RuntimeException {
        NotDev() {
            super(null, null, false, false);
        }
    }

    private DevBackend dev() {
        return dev.orElseThrow(NotDev::new);
    }

    /** Seconds as Hardhat takes them: a JSON number or a quantity. */
    private static long seconds(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            if (node.longValue() < 0) {
                throw new InvalidEncodingException("expected a non-negative number of seconds, got " + node.longValue());
            }
            return node.longValue();
        }
        return RpcEncoding.decodeQuantityAsLong(node);
    }

    /** evm_mine's argument: a timestamp (number or quantity), or Anvil's {@code {"timestamp": t}}. */
    private static long mineTimestamp(JsonNode node) {
        if (node.isObject()) {
            JsonNode t = node.path("timestamp");
            if (t.isMissingNode() || t.isNull()) {
                throw new InvalidEncodingException("expected a timestamp");
            }
            return seconds(t);
        }
        return seconds(node);
    }
}
