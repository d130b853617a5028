package org.parkchain.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.parkchain.chain.Genesis;
import org.parkchain.primitives.Address;

/**
 * The {@code --dev} chain as a genesis file (chain id, gas limit, base fee, the ten funded test accounts, and the park:
 * account 0 the board, account 9 the treasury), so that members of a development cluster, which start from a file,
 * share the dev chain's accounts and the demo's cast.
 */
final class DevGenesisFile {
    private DevGenesisFile() {}

    static String json() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("chainId", Genesis.DEV_CHAIN_ID);
        root.put("gasLimit", Long.toString(Genesis.DEV_GAS_LIMIT));
        root.put("baseFeePerGas", Genesis.DEV_BASE_FEE.toBigInteger().toString());
        ObjectNode alloc = root.putObject("alloc");
        List<Address> accounts = Genesis.devAccounts();
        for (Address a : accounts) {
            alloc.putObject(a.toHex()).put("balance", Genesis.DEV_BALANCE.toBigInteger().toString());
        }
        ObjectNode park = root.putObject("park");
        park.putArray("board").add(accounts.get(0).toHex());
        park.put("threshold", 1);
        park.put("treasury", accounts.get(9).toHex());
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
