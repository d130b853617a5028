package org.parkchain.node.clients;

import org.parkchain.node.NodeProcess;

/** The ethers.js checks against Hardhat 2's node, the reference: proves the harness itself (and Hardhat's answers). */
class HardhatEthersTest extends EthersEndToEnd {
    @Override
    NodeProcess startNode(ClientsProject clients) {
        return clients.startHardhat();
    }
}
