package org.parkchain.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkchain.chain.RocksDbChainStore;
import org.parkchain.chain.StoreException;
import org.parkchain.node.cli.Main;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.LiveFileMetaData;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import picocli.CommandLine;

/**
 * A real chain on disk whose SST file has bytes flipped inside a data block (not the footer): {@code db check}
 * names the damaged file, and the node either refuses to start with one line or serves only correct data, answering
 * the reads that hit the damage with an error and {@code /health} 503 from the first one.
 */
class SstCorruptionTest {
    private static final Address SOMEONE = Address.fromLong(0xbeef);
    private static final int TRANSFERS = 60;

    @Test
    void aFlippedByteInAnSstDataBlockIsFoundByDbCheckAndNeverServedAsData(@TempDir Path dir) throws Exception {
        List<String> blockHashes = new ArrayList<>();
        try (ParkchainNode node = ParkchainNode.start(NodeConfig.devDefaults().withDataDir(dir))) {
            NodeRpc rpc = new NodeRpc(node.rpcUrl());
            for (int nonce = 0; nonce < TRANSFERS; nonce++) {
                rpc.awaitReceipt(rpc.call("eth_sendRawTransaction", DevChain.raw(
                        DevChain.transfer(DevChain.KEYS.get(1), nonce, SOMEONE, UInt256.ONE))).textValue());
            }
            long head = Long.decode(rpc.call("eth_blockNumber").textValue());
            for (long n = 0; n <= head; n++) {
                blockHashes.add(rpc.call("eth_getBlockByNumber", quantity(n), false).path("hash").textValue());
            }
        }
        Path chain = dir.resolve("chain");
        // The blocks are in the write-ahead log; opening the store again replays it into SST files.
        RocksDbChainStore.open(chain).close();
        Path sst = largestSstOf(chain, "headers");
        byte[] bytes = Files.readAllBytes(sst);
        // An SST file starts with its data blocks (4 KiB each by default); index, filter and footer come last.
        assertThat(bytes.length).as("the headers' SST file holds several data blocks").isGreaterThan(3 * 4096);
        for (int i = 100; i < 140; i++) {
            bytes[i] ^= (byte) 0x5a;
        }
        Files.write(sst, bytes);

        Run check = parkchain("db", "check", "--data-dir", dir.toString());
        assertThat(check.status()).as(check.out() + check.err()).isEqualTo(1);
        List<String> problems = check.out().lines().filter(l -> l.startsWith("problem: ")).toList();
        assertThat(problems).singleElement().asString()
                .contains(sst.getFileName().toString()).containsIgnoringCase("checksum mismatch");

        ParkchainNode node;
        try {
            node = ParkchainNode.start(NodeConfig.devDefaults().withDataDir(dir));
        } catch (StoreException refused) {
            assertThat(refused.getMessage()).doesNotContain("\n").contains("checksum mismatch")
                    .contains(sst.getFileName().toString());
            return;
        }
        try (node) {
            NodeRpc rpc = new NodeRpc(node.rpcUrl());
            assertThat(rpc.get("/health").status()).isEqualTo(200);
            int refused = 0;
            for (int n = 0; n < blockHashes.size(); n++) {
                try {
                    String hash = rpc.call("eth_getBlockByNumber", quantity(n), false).path("hash").textValue();
                    assertThat(hash).as("block " + n).isEqualTo(blockHashes.get(n));
                } catch (NodeRpc.Failure e) {
                    refused++;
                    NodeRpc.Reply health = rpc.get("/health");
                    assertThat(health.status()).isEqualTo(503);
                    assertThat(health.body()).contains("storage error").contains("checksum mismatch");
                }
            }
            assertThat(refused).as("reading every block reaches the damaged data block").isPositive();
        }
    }

    private static String quantity(long n) {
        return "0x" + Long.toHexString(n);
    }

    /** The largest live SST file of a column family, as RocksDB lists it. */
    private static Path largestSstOf(Path chain, String family) throws RocksDBException {
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        try (Options options = new Options()) {
            for (byte[] name : RocksDB.listColumnFamilies(options, chain.toString())) {
                descriptors.add(new ColumnFamilyDescriptor(name));
            }
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions();
                RocksDB db = RocksDB.openReadOnly(options, chain.toString(), descriptors, handles)) {
            try {
                return db.getLiveFilesMetaData().stream()
                        .filter(f -> new String(f.columnFamilyName(), StandardCharsets.US_ASCII).equals(family))
                        .max(Comparator.comparingLong(LiveFileMetaData::size))
                        .map(f -> Path.of(f.path(), f.fileName()))
                        .orElseThrow(() -> new AssertionError("no SST file of " + family + " in " + chain));
            } finally {
                handles.forEach(ColumnFamilyHandle::close);
            }
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
}
