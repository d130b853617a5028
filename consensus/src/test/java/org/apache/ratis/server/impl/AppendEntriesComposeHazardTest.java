package org.apache.ratis.server.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.junit.jupiter.api.Test;

/**
 * Why Parkchain's members turn off Ratis' composed follower appends ({@code raft.server.log.append-entries.compose
 * .enabled}, on by default in Ratis 3.3.0; see {@code RaftMember.serverProperties}): two behaviours of the class
 * that composes them, shown on that class itself (it is package-private, hence this test's package). A follower
 * answers an AppendEntries request with SUCCESS and {@code matchIndex} = the request's last index once the future
 * this class returns completes, so:
 * <ol>
 *   <li>a request whose first index is already being written is acknowledged when that earlier write is done, even
 *       if it carries more entries: the leader then counts this follower for entries it never wrote, and may commit
 *       them without a majority — a member that applies a block the rest of the cluster does not have;
 *   <li>after one failed write, every later write fails without being tried: the follower never catches up again.
 * </ol>
 * These are facts about Ratis, not Parkchain code. If a Ratis upgrade makes this test fail, the hazards may be gone
 * and the setting can be reconsidered (with {@code PartitionTest} run in a loop).
 */
class AppendEntriesComposeHazardTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aRetriedRequestWithMoreEntriesIsAcknowledgedWhenOnlyTheEarlierWriteHappened() throws Exception {
        ServerImplUtils.NavigableIndices composed = new ServerImplUtils.NavigableIndices();
        List<Long> written = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> diskSlow = new CompletableFuture<>();

        // The leader sends entry 10; before the follower has written it, the leader sends entries 10 and 11 again
        // (a retry after a lost answer or a reset stream, with entry 11 added meanwhile).
        CompletableFuture<Void> first = composed.append(entries(3, 10, 10),
                es -> diskSlow.thenRun(() -> es.forEach(e -> written.add(e.getIndex()))));
        CompletableFuture<Void> retry = composed.append(entries(3, 10, 11), es -> {
            es.forEach(e -> written.add(e.getIndex()));
            return CompletableFuture.completedFuture(null);
        });
        diskSlow.complete(null);
        first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        retry.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(retry).as("the retry, carrying entry 11, is done (its answer would say matchIndex=11)").isDone()
                .isNotCompletedExceptionally();
        assertThat(written).as("entries written to the follower's log").containsExactly(10L);
    }

    @Test
    void oneFailedWriteFailsEveryLaterWriteWithoutTryingIt() {
        ServerImplUtils.NavigableIndices composed = new ServerImplUtils.NavigableIndices();
        CompletableFuture<Void> failed = composed.append(entries(3, 10, 10), es -> CompletableFuture.failedFuture(
                new IllegalStateException("SegmentedRaftLog: Already running a method by another thread")));
        assertThatThrownBy(() -> failed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).hasMessageContaining("Already running");

        AtomicBoolean tried = new AtomicBoolean();
        CompletableFuture<Void> later = composed.append(entries(4, 10, 12), es -> {
            tried.set(true);
            return CompletableFuture.completedFuture(null);
        });
        assertThatThrownBy(() -> later.get(WAIT.toSeconds(), TimeUnit.SECONDS)).hasMessageContaining("Already running");
        assertThat(tried).as("the later write (a new leader's entries) was tried").isFalse();
    }

    private static List<LogEntryProto> entries(long term, long from, long to) {
        return LongStream.rangeClosed(from, to)
                .mapToObj(i -> LogEntryProto.newBuilder().setTerm(term).setIndex(i).build()).toList();
    }
}
