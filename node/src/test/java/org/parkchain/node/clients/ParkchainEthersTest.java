package org.parkchain.node.clients;

import org.parkchain.node.NodeProcess;


/** The ethers.js checks against a real Parkchain node ({@code parkchain node --dev} on a free port). */

class ParkchainEthersTest extends EthersEndToEnd {
    @Override
    NodeProcess startNode(ClientsProject clients) {
        return NodeProcess.startParkchainDev();
    }
}
