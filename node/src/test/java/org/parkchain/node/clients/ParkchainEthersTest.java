package org.parkchain.node.clients;

import org.junit.jupiter.api.Disabled;

/** The ethers.js checks against a real Parkchain node ({@code parkchain node --dev} on a free port). */
@Disabled("needs the node's eth_* methods; see issue 4")
class ParkchainEthersTest extends EthersEndToEnd {
    @Override
    NodeProcess startNode(ClientsProject clients) {
        return NodeProcess.startParkchainDev();
    }
}
