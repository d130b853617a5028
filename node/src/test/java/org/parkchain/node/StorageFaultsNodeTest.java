package org.parkchain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkchain.chain.StoreException;
import org.parkchain.node.cli.Main;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.rpc.HealthCheck;
import picocli.CommandLine;

/** A node whose storage is damaged or full says so, refuses what it cannot keep, and never starts a new chain over it. */
class StorageFaultsNodeTest {
    private static final Address SOMEONE = Address.fromLong(0xbeef);

    private static void chainWithOneBlock(Path dir) {
        try (ParkchainNode node = ParkchainNode.start(NodeConfig.devDefaults().withDataDir(dir))) {
            NodeRpc rpc = new NodeRpc(node.rpcUrl());
            rpc.awaitReceipt(rpc.call("eth_sendRawTransaction", DevChain.raw(
                    DevChain.transfer(DevChain.KEYS.get(1), 0, SOMEONE, UInt256.ONE))).textValue());
        }
    }

    private record Run(int status, String out, String err) {}

    private static Run parkchain(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void aDataDirWhoseDatabaseLostItsCurrentFileIsRefusedNotReplaced(@TempDir Path dir) throws Exception {
        chainWithOneBlock(dir);
        Run sound = parkchain("db", "check", "--data-dir", dir.toString());
        assertThat(sound.status()).as(sound.out() + sound.err()).isZero();
        assertThat(sound.out()).contains("head block 1, 2 blocks").contains("sound");

        Files.delete(dir.resolve("chain").resolve("CURRENT"));
        assertThatThrownBy(() -> ParkchainNode.start(NodeConfig.devDefaults().withDataDir(dir)))
                .isInstanceOf(StoreException.class).hasMessageContaining("CURRENT file is missing");
        Run damaged = parkchain("db", "check", "--data-dir", dir.toString());
        assertThat(damaged.status()).isEqualTo(1);
        assertThat(damaged.err()).contains("CURRENT file is missing");
        assertThat(parkchain("db", "check", "--data-dir", dir.resolve("nowhere").toString()).status()).isEqualTo(2);
    }

    @Test
    void aFullDiskRefusesTransactionsAndFailsHealth(@TempDir Path dir) {
        System.setProperty("parkchain.minFreeDiskBytes", Long.toString(Long.MAX_VALUE));
        try (ParkchainNode node = ParkchainNode.start(NodeConfig.devDefaults().withDataDir(dir))) {
            NodeRpc rpc = new NodeRpc(node.rpcUrl());
            assertThatThrownBy(() -> rpc.call("eth_sendRawTransaction", DevChain.raw(
                    DevChain.transfer(DevChain.KEYS.get(1), 0, SOMEONE, UInt256.ONE))))
                    .hasMessageContaining("disk full").hasMessageContaining("transactions are refused until space returns");
            NodeRpc.Reply health = rpc.get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("\"storage\"").contains("disk full");
        } finally {
            System.clearProperty("parkchain.minFreeDiskBytes");
        }
    }

    @Test
    void storageHealthFollowsFaultsAndFreeSpace() {
        AtomicLong free = new AtomicLong(10L << 30);
        AtomicReference<String> fault = new AtomicReference<>();
        StorageHealth health = new StorageHealth(Path.of("/data/chain"), () -> Optional.ofNullable(fault.get()),
                free::get, 256L << 20);
        assertThat(health.check().healthy()).isTrue();
        assertThat(health.refusal()).isEmpty();
        free.set(100L << 20);
        HealthCheck.Status full = health.check();
        assertThat(full.healthy()).isFalse();
        assertThat(full.detail()).startsWith("disk full: 100 MiB free for the chain in /data/chain");
        assertThat(health.refusal()).isPresent();
        free.set(1L << 30); // space returned
        assertThat(health.check().healthy()).isTrue();
        assertThat(health.refusal()).isEmpty();
        fault.set("reading /data/chain failed: Corruption: block checksum mismatch");
        assertThat(health.check().detail()).isEqualTo("storage error: reading /data/chain failed: Corruption: block checksum mismatch");
    }

    @Test
    void freeSpaceIsReadAtMostOncePerRefreshPeriodAndUnknownWhenUnreadable(@TempDir Path dir) throws Exception {
        AtomicLong clock = new AtomicLong();
        StorageHealth.FreeSpace free = new StorageHealth.FreeSpace(dir, clock::get, 100);
        long first = free.getAsLong();
        assertThat(first).isPositive().isLessThan(Long.MAX_VALUE);
        // Within the period the reading is reused, whatever happens on the disk meanwhile.
        Files.write(dir.resolve("filler"), new byte[1 << 20]);
        assertThat(free.getAsLong()).isEqualTo(first);
        clock.addAndGet(100);
        assertThat(free.getAsLong()).isPositive().isLessThan(Long.MAX_VALUE);
        assertThat(new StorageHealth.FreeSpace(dir.resolve("missing"), clock::get, 100).getAsLong())
                .isEqualTo(Long.MAX_VALUE);
    }
}
