package org.parkchain.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/** {@code parkchain node} as a process: it serves, and SIGTERM stops it gracefully with the chain on disk. */
class NodeProcessTest {

    @Test
    void sigtermStopsGracefullyAndTheChainIsThereOnRestart(@TempDir Path dir) throws Exception {
        Address sink = Address.fromHex("0x0000000000000000000000000000000000004444");
        String head;
        try (NodeProcess node = NodeProcess.start("--dev", "--data-dir", dir.toString())) {
            assertThat(node.output.toString()).contains("Parkchain node: chain id 31337 (dev)")
                    .contains("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266  (board)");
            NodeRpc rpc = new NodeRpc(node.url);
            rpc.awaitReceipt(rpc.call("eth_sendRawTransaction",
                    DevChain.raw(DevChain.transfer(DevChain.KEYS.get(1), 0, sink, UInt256.of(7)))).textValue());
            head = rpc.call("eth_getBlockByNumber", "latest", false).get("hash").textValue();
            assertThat(rpc.get("/health").status()).isEqualTo(200);
            String metrics = rpc.get("/metrics").body();
            assertThat(metrics).contains("parkchain_blocks_total", "parkchain_transactions_total",
                    "parkchain_txpool_transactions", "parkchain_head_block", "rpc_request_duration_seconds_bucket");
            int status = node.terminate();
            // 143 = 128 + SIGTERM: the JVM ran its shutdown hook (RPC, sequencer, storage closed) and exited.
            assertThat(status).isEqualTo(143);
        }
        try (NodeProcess node = NodeProcess.start("--dev", "--data-dir", dir.toString())) {
            NodeRpc rpc = new NodeRpc(node.url);
            assertThat(rpc.call("eth_getBlockByNumber", "latest", false).get("hash").textValue()).isEqualTo(head);
            assertThat(rpc.call("eth_getBalance", sink.toHex(), "latest").textValue()).isEqualTo("0x7");
            node.terminate();
        }
    }
}
