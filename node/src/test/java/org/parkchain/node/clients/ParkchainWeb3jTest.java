package org.parkchain.node.clients;

import org.parkchain.node.NodeProcess;


/** The web3j checks against a real Parkchain node ({@code parkchain node --dev} on a free port). */

class ParkchainWeb3jTest extends Web3jEndToEnd {
    @Override
    NodeProcess startNode(ClientsProject clients) {
        return NodeProcess.startParkchainDev();
    }

    @Override
    int revertErrorCode() {
        return 3; // as geth: code 3, message "execution reverted", the revert data as a hex string in error.data
    }
}
