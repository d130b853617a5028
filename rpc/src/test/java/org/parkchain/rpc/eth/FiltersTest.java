package org.parkchain.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.rpc.BlockSelector;
import org.parkchain.rpc.LogFilter;
import org.parkchain.rpc.RpcException;

class FiltersTest {
    private final AtomicLong now = new AtomicLong();
    private final Filters filters = new Filters(Duration.ofMinutes(5), 3, now::get);
    private static final Address A = Address.fromLong(0xa);
    private static final Address B = Address.fromLong(0xb);
    private static final Hash T = Hash.wrap(new byte[32]);

    private static Filters.ChainLog log(Address a, long block) {
        return new Filters.ChainLog(a, List.of(T), block, TextNode.valueOf(a + "@" + block));
    }

    private static LogQuery query(Set<Address> addresses) {
        return new LogQuery(Optional.empty(), BlockSelector.Tag.LATEST, BlockSelector.Tag.LATEST,
                new LogFilter(addresses, List.of()));
    }

    @Test
    void changesAreHandedOverOnceAndMatchTheFilter() {
        String logs = filters.newLogFilter(query(Set.of(A)), 0, Long.MAX_VALUE);
        String blocks = filters.newBlockFilter();
        Hash h1 = Hash.wrap(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        filters.onBlock(h1, 1, List.of(log(A, 1), log(B, 1)));
        assertThat(filters.changes(logs)).extracting(JsonNode::textValue).containsExactly(A + "@1");
        assertThat(filters.changes(logs)).isEmpty();
        assertThat(filters.changes(blocks)).extracting(JsonNode::textValue).containsExactly(h1.toHex());
    }

    @Test
    void rangeBoundsLimitWhatIsCollected() {
        String upTo2 = filters.newLogFilter(query(Set.of()), 0, 2);
        filters.onBlock(Hash.ZERO, 2, List.of(log(A, 2)));
        filters.onBlock(Hash.ZERO, 3, List.of(log(A, 3)));
        assertThat(filters.changes(upTo2)).extracting(JsonNode::textValue).containsExactly(A + "@2");
    }

    @Test
    void unpolledFiltersExpireAndPollingKeepsThemAlive() {
        String kept = filters.newBlockFilter();
        String dropped = filters.newPendingTransactionFilter();
        now.addAndGet(Duration.ofMinutes(4).toNanos());
        filters.changes(kept);
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(filters.changes(kept)).isEmpty();
        assertThatThrownBy(() -> filters.changes(dropped)).isInstanceOf(RpcException.class).hasMessage("filter not found");
    }

    @Test
    void filterCountIsLimitedAndUninstallFrees() {
        String first = filters.newBlockFilter();
        filters.newBlockFilter();
        filters.newBlockFilter();
        assertThatThrownBy(filters::newBlockFilter).isInstanceOf(RpcException.class).hasMessageContaining("too many filters");
        assertThat(filters.uninstall(first)).isTrue();
        assertThat(filters.uninstall(first)).isFalse();
        assertThat(filters.newBlockFilter()).matches("0x[1-9a-f][0-9a-f]*");
    }

    @Test
    void logQueryOfABlockFilterIsNotFound() {
        String blocks = filters.newBlockFilter();
        assertThatThrownBy(() -> filters.logQuery(blocks)).isInstanceOf(RpcException.class).hasMessage("filter not found");
    }

    @Test
    void allFiltersTogetherHoldABoundedNumberOfItems() {
        Filters bounded = new Filters(Duration.ofMinutes(5), 10, now::get, 5);
        String first = bounded.newBlockFilter();
        String second = bounded.newBlockFilter();
        for (int i = 0; i < 3; i++) {
            bounded.onBlock(Hash.ZERO, i, List.of());
        }
        // Six items would be held: the filter whose item went past the total is removed, not the heap grown.
        assertThat(bounded.held()).isLessThanOrEqualTo(5);
        assertThat(bounded.size()).isEqualTo(1);
        List<JsonNode> kept;
        try {
            kept = bounded.changes(first);
        } catch (RpcException e) {
            kept = bounded.changes(second);
        }
        assertThat(kept).hasSize(3);
        assertThat(bounded.held()).isZero();
    }

    @Test
    void clearingRemovesEveryFilterAndWhatItHeld() {
        String blocks = filters.newBlockFilter();
        filters.onBlock(Hash.ZERO, 1, List.of());
        filters.clear();
        assertThat(filters.size()).isZero();
        assertThat(filters.held()).isZero();
        assertThatThrownBy(() -> filters.changes(blocks)).isInstanceOf(RpcException.class);
    }
}
