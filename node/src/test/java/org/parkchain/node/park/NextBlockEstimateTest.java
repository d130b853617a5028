package org.parkchain.node.park;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.parkchain.chain.Genesis;
import org.parkchain.node.NodeConfig;
import org.parkchain.node.ParkchainNode;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.regime.SystemAddresses;

/**
 * eth_estimateGas at the head estimates for the next block, as wallets need: ethers.js sends exactly the estimate.
 * At the genesis head (timestamp 0) an estimate on the head's own environment stored appliedAt = 0 (a no-op write)
 * and came out ~17k gas short of what the first registry call costs in block 1.
 */
class NextBlockEstimateTest {
    @Test
    void theFirstRegistryCallOnAFreshChainSucceedsWithExactlyTheEstimatedGas() {
        try (ParkchainNode node = ParkchainNode.start(NodeConfig.devDefaults())) {
            RpcWallet wallet = new RpcWallet(new JsonRpcClient(node.rpcUrl()));
            PrivateKey applicant = Genesis.devKeys().get(1);
            byte[] apply = ParkAbi.call("applyForResidency(string,bytes32,bytes32)", "Minsk Software Labs",
                    ParkAbi.hashOf("registration"), ParkAbi.hashOf("project"));
            long estimate = wallet.estimateGas(applicant.address(), SystemAddresses.REGISTRY, UInt256.ZERO, apply);
            RpcWallet.Receipt receipt = wallet.send(applicant, SystemAddresses.REGISTRY, UInt256.ZERO, apply,
                    OptionalLong.of(estimate));
            assertThat(receipt.blockNumber()).isEqualTo(1);
            assertThat(receipt.success()).as("mined with the estimate of %d gas", estimate).isTrue();
        }
    }
}
