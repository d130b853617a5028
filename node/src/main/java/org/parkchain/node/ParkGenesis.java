package org.parkchain.node;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parkchain.chain.Genesis;
import org.parkchain.chain.GenesisException;
import org.parkchain.primitives.Address;
import org.parkchain.regime.RegimeGenesis;

/**
 * The park's genesis: the chain's genesis ({@code docs/genesis.md}) composed with the regime's first board,
 * threshold, treasury and levy rate ({@link RegimeGenesis}). The dev chain's is built in (board = dev account 0,
 * threshold 1, treasury = dev account 9); a genesis file carries the regime in a {@code "park"} member:
 * <pre>{@code "park": {"board": ["0x…", …], "threshold": 1, "treasury": "0x…", "levyRateBps": 100}}</pre>
 * which this class takes out before the chain parses the rest.
 */
public final class ParkGenesis {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> PARK_FIELDS = Set.of("board", "threshold", "treasury", "levyRateBps");

    private ParkGenesis() {}

    /** The {@code --dev} genesis with the park installed. */
    public static Genesis dev() {
        List<Address> accounts = Genesis.devAccounts();
        RegimeGenesis regime = new RegimeGenesis(List.of(accounts.get(0)), 1, accounts.get(9));
        return Genesis.dev().withState(regime::install);
    }

    /**
     * Reads a genesis file with its {@code "park"} member.
     *
     * @throws GenesisException naming the file and the first field that is wrong
     */
    public static Genesis load(Path file) {
        return Genesis.load(file, ParkGenesis::parse);
    }

    public static Genesis parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new GenesisException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new GenesisException("a genesis file is a JSON object");
        }
        ObjectNode chainPart = ((ObjectNode) root).deepCopy();
        JsonNode park = chainPart.remove("park");
        if (park == null || park.isNull()) {
            throw new GenesisException("missing the \"park\" member (board, threshold, treasury): the park's rules "
                    + "need a first supervisory board");
        }
        RegimeGenesis regime = regime(park);
        return Genesis.parse(chainPart.toString()).withState(regime::install);
    }

    private static RegimeGenesis regime(JsonNode park) {
        if (!park.isObject()) {
            throw new GenesisException("park: expected an object");
        }
        park.fieldNames().forEachRemaining(name -> {
            if (!PARK_FIELDS.contains(name)) {
                throw new GenesisException("park: unknown field '" + name + "'");
            }
        });
        JsonNode boardNode = park.path("board");
        if (!boardNode.isArray() || boardNode.isEmpty()) {
            throw new GenesisException("park.board: expected a non-empty array of addresses");
        }
        List<Address> board = new ArrayList<>();
        for (int i = 0; i < boardNode.size(); i++) {
            board.add(address("park.board[" + i + "]", boardNode.get(i)));
        }
        JsonNode threshold = park.path("threshold");
        if (!threshold.canConvertToInt() || !threshold.isIntegralNumber()) {
            throw new GenesisException("park.threshold: expected a whole number");
        }
        Address treasury = address("park.treasury", park.path("treasury"));
        long levy = RegimeGenesis.DEFAULT_LEVY_BPS;
        if (park.has("levyRateBps")) {
            JsonNode l = park.get("levyRateBps");
            if (!l.isIntegralNumber() || !l.canConvertToLong()) {
                throw new GenesisException("park.levyRateBps: expected a whole number of basis points");
            }
            levy = l.longValue();
        }
        try {
            return new RegimeGenesis(board, threshold.intValue(), treasury, levy);
        } catch (IllegalArgumentException e) {
            throw new GenesisException("park: " + e.getMessage());
        }
    }

    private static Address address(String field, JsonNode node) {
        if (!node.isTextual()) {
            throw new GenesisException(field + ": expected an address string");
        }
        try {
            return Address.fromHex(node.textValue());
        } catch (IllegalArgumentException e) {
            throw new GenesisException(field + ": " + e.getMessage());
        }
    }
}
