package org.parkchain.node.clients;

import org.parkchain.node.NodeProcess;

/** The web3j checks against Hardhat 2's node, the reference: proves the harness itself. */
class HardhatWeb3jTest extends Web3jEndToEnd {
    @Override
    NodeProcess startNode(ClientsProject clients) {
        return clients.startHardhat();
    }

    @Override
    int revertErrorCode() {
        return -32603; // Hardhat's "internal error" carrying {message, data} as error.data
    }
}
