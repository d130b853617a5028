package org.parkchain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.junit.jupiter.api.Test;

/** The Ratis settings every member runs with, where a default of Ratis is unsafe for us. */
class RaftServerSettingsTest {
    @Test
    void followersWriteEachRequestsEntriesBeforeAnsweringIt() {
        RaftProperties properties = RaftMember.serverProperties(spec(), Path.of("raft"));

        // Ratis' composed appends acknowledge entries not written and fail for good after one failed write
        // (AppendEntriesComposeHazardTest); on by default in Ratis 3.3.0.
        assertThat(RaftServerConfigKeys.Log.appendEntriesComposeEnabled(new RaftProperties())).isTrue();
        assertThat(RaftServerConfigKeys.Log.appendEntriesComposeEnabled(properties)).isFalse();
        assertThat(RaftServerConfigKeys.Log.Appender.installSnapshotEnabled(properties)).isFalse();
    }

    @Test
    void aLeaderThatLostItsMajorityMayStandAgainAfterOneElectionTimeout() {
        RaftProperties properties = RaftMember.serverProperties(spec(), Path.of("raft"));
        // Ratis waits 10 s; a cluster whose only up-to-date member stepped down spuriously stays leaderless that long.
        assertThat(RaftServerConfigKeys.LeaderElection.leaderStepDownWaitTime(properties).toLong(TimeUnit.MILLISECONDS))
                .isEqualTo(ClusterSpec.DEFAULT_ELECTION_MAX.toMillis());
    }

    private static ClusterSpec spec() {
        ClusterMember self = new ClusterMember("n1", "127.0.0.1:9101", URI.create("http://127.0.0.1:8545/"),
                ClusterMember.Role.VOTER);
        return new ClusterSpec("n1", List.of(self), new ClusterSpec.TlsFiles(Path.of("ca.pem"), Path.of("n1.pem"),
                Path.of("n1.key")), ClusterSpec.DEFAULT_ELECTION_MIN, ClusterSpec.DEFAULT_ELECTION_MAX, 10_000, 1_000,
                1 << 20);
    }
}
