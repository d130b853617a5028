package org.parkchain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Hash;

class PeerChainsTest {
    private static final ChainIdentity PARK = new ChainIdentity(31337, Hash.of(new byte[32]));
    private static final ChainIdentity OTHER = new ChainIdentity(999, Hash.of(new byte[32]));
    private static final List<String> VOTERS = List.of("n1", "n2", "n3");

    @Test
    void oneStrangerAmongThreeVotersLeavesThisMembersChainItsMajority() {
        PeerChains chains = new PeerChains(PARK, List.of("n2", "n3"));
        assertThat(chains.answered("n2", PARK)).isFalse();
        assertThat(chains.answered("n3", OTHER)).isTrue();
        assertThat(chains.outvoted(VOTERS)).isFalse();
        assertThat(chains.onOtherChains()).containsOnlyKeys("n3");
        assertThat(chains.unanswered()).isEmpty();
    }

    @Test
    void theStrangerIsOutvotedOnceAMajorityOfVotersServesAnotherChain() {
        PeerChains stranger = new PeerChains(OTHER, List.of("n1", "n2"));
        stranger.answered("n1", PARK);
        assertThat(stranger.outvoted(VOTERS)).as("one of three answered").isFalse();
        stranger.answered("n2", PARK);
        assertThat(stranger.outvoted(VOTERS)).isTrue();
        assertThat(stranger.describe()).contains("n1 serves " + PARK, "n2 serves " + PARK, "started with " + OTHER);
    }

    @Test
    void listenersOnAnotherChainDoNotCountAgainstTheVoters() {
        PeerChains chains = new PeerChains(PARK, List.of("n2", "l1", "l2"));
        chains.answered("l1", OTHER);
        chains.answered("l2", OTHER);
        assertThat(chains.outvoted(List.of("n1", "n2"))).isFalse();
    }
}
