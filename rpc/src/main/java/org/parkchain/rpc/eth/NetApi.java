package org.parkchain.rpc.eth;

import java.util.Objects;
import org.parkchain.primitives.Keccak;
import org.parkchain.rpc.RpcEncoding;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.RpcParams;

/**
 * The methods that describe the node rather than the chain: web3_clientVersion, web3_sha3, net_version,
 * net_listening, net_peerCount. A single sequencer has no peers; a Raft member would report its group here.
 */
public final class NetApi {
    private final long chainId;
    private final String clientVersion;

    /** @param clientVersion as geth writes it: {@code Parkchain/v0.1.0/linux-amd64/java21} */
    public NetApi(long chainId, String clientVersion) {
        this.chainId = chainId;
        this.clientVersion = Objects.requireNonNull(clientVersion, "clientVersion");
    }

    /** {@code name/vVERSION/os-arch/javaN}, the shape tools parse from geth's {@code Geth/v1.x/linux-amd64/go1.x}. */
    public static String clientVersion(String version) {
        String os = System.getProperty("os.name", "unknown").toLowerCase().replace(' ', '_');
        String arch = System.getProperty("os.arch", "unknown").replace("x86_64", "amd64");
        return "Parkchain/v" + version + "/" + os + "-" + arch + "/java" + Runtime.version().feature();
    }

    /**
     * A development chain's client version. Hardhat's test helpers (loadFixture, time, mine, setBalance,
     * impersonateAccount) accept a network only when web3_clientVersion starts with "hardhatnetwork", "zksync" or
     * "anvil"; a {@code --dev} node offers Anvil's development methods (the anvil_, evm_ and hardhat_ methods), so it
     * says so in front of its own name: {@code anvil-compatible Parkchain/v0.1.0/linux-amd64/java21}.
     */
    public static String devClientVersion(String version) {
        return "anvil-compatible " + clientVersion(version);
    }

    public void registerInto(RpcMethods methods) {
        methods.register("web3_clientVersion", params -> {
            params.requireAtMost(0);
            return clientVersion;
        });
        methods.register("web3_sha3", params -> {
            params.requireAtMost(1);
            return Keccak.hash(params.required(0, RpcParams.DATA)).toHex();
        });
        // net_version is the chain id in decimal (historically the network id), as geth and Hardhat answer.
        methods.register("net_version", params -> {
            params.requireAtMost(0);
            return Long.toString(chainId);
        });
        methods.register("net_listening", params -> {
            params.requireAtMost(0);
            return true;
        });
        methods.register("net_peerCount", params -> {
            params.requireAtMost(0);
            return RpcEncoding.quantity(0);
        });
    }
}
