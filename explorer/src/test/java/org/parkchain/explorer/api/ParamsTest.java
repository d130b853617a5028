package org.parkchain.explorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkchain.rpc.ReadApi;

class ParamsTest {
    private static ReadApi.Request query(String name, String... values) {
        return new ReadApi.Request("/api/txs", Map.of(name, List.of(values)));
    }

    @Test
    void limitDefaultsTo25AndMustBeBetween1And100() {
        assertThat(Params.limit(ReadApi.Request.of("/api/txs"))).isEqualTo(25);
        assertThat(Params.limit(query("limit", "100"))).isEqualTo(100);
        assertThatThrownBy(() -> Params.limit(query("limit", "101"))).hasMessage("limit: must be between 1 and 100, got 101");
        assertThatThrownBy(() -> Params.limit(query("limit", "1e3"))).hasMessage("limit: not a whole number: '1e3'");
        assertThatThrownBy(() -> Params.limit(query("limit", "1", "2"))).hasMessage("parameter 'limit' given 2 times");
    }

    @Test
    void addressesHashesAndNumbersAreCheckedAndLongInputIsCutShortInTheMessage() {
        assertThat(Params.address("0x70997970C51812dc3A010C7d01b50e0d17dc79C8").toChecksumHex())
                .isEqualTo("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        // A mixed-case address with a wrong checksum is refused, as EIP-55 asks.
        assertThatThrownBy(() -> Params.address("0x70997970c51812dc3A010C7d01b50e0d17dc79C8"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("address: ");
        assertThatThrownBy(() -> Params.hash("0x" + "a".repeat(200))).hasMessageEndingWith("...'")
                .hasMessageStartingWith("hash: want 0x and 64 hex digits");
        assertThatThrownBy(() -> Params.number("minutes", "0", 1, 1440)).hasMessage("minutes: must be between 1 and 1440, got 0");
        assertThatThrownBy(() -> Params.cursor(query("cursor", "ZZ"))).hasMessageStartingWith("cursor: ");
    }

    @Test
    void csvFieldsAreQuotedWhenNeededAndNeverStartAFormula() {
        assertThat(ParkData.csv("Minsk Software Labs")).isEqualTo("Minsk Software Labs");
        assertThat(ParkData.csv("A, \"B\"")).isEqualTo("\"A, \"\"B\"\"\"");
        assertThat(ParkData.csv("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ParkData.csv("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }
}
