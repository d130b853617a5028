package org.parkchain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Keccak;

class HeldCopiesTest {
    @Test
    void copiesAreHeldUntilMinedAndReleasedOldestFirstOnce() {
        HeldCopies copies = new HeldCopies();
        byte[] a = {1};
        byte[] b = {2};
        byte[] c = {3};
        copies.hold(List.of(a, b));
        copies.hold(List.of(c, a)); // a copy sent twice is held once
        copies.mined(List.of(Keccak.hash(b)));
        assertThat(copies.release()).containsExactly(a, c);
        assertThat(copies.release()).isEmpty();
    }

    @Test
    void theOldestGoFirstBeyondTheLimit() {
        HeldCopies copies = new HeldCopies();
        for (int i = 0; i < HeldCopies.MAX_HELD + 10; i++) {
            copies.hold(List.of(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)}));
        }
        assertThat(copies.size()).isEqualTo(HeldCopies.MAX_HELD);
        assertThat(copies.release().getFirst()).containsExactly(10, 0, 0);
    }
}
