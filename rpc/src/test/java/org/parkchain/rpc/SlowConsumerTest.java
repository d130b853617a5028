package org.parkchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.rpc.WebSocketTransportTest.eventually;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A subscriber whose notifications pile up is closed with a reason, as geth does, and the server goes on serving.
 * (That publishing never waits for a subscriber is pinned in the node: {@code ProductionNeverWaitsTest}.)
 */
class SlowConsumerTest {
    @Test
    void aSubscriberWhoseQueueOverflowsIsClosedWithAReasonWhilePublishingNeverWaits() {
        RpcConfig config = RunningRpc.testConfig().withMaxQueuedNotifications(50);
        try (RunningRpc rpc = new RunningRpc(config); WsClient ws = new WsClient(rpc.http, rpc.server.port())) {
            ws.call("eth_subscribe", "[\"newHeads\"]", 1);
            ObjectNode head = JsonNodeFactory.instance.objectNode().put("extraData", "0x" + "ab".repeat(2048));
            // Far faster than one notifier thread can write 4 KiB notifications: the queue of 50 overflows.
            for (int i = 0; i < 100_000 && rpc.hub.subscriberCount(SubscriptionKind.NEW_HEADS) > 0; i++) {
                rpc.hub.publishNewHead(head);
            }
            eventually("the subscriber is dropped", () -> rpc.hub.subscriberCount(SubscriptionKind.NEW_HEADS) == 0);
            assertThat(ws.closedWith.orTimeout(10, TimeUnit.SECONDS).join()).isEqualTo(1008);
            assertThat(ws.closeReason.join()).startsWith("subscription queue overflow").contains("client too slow");
            assertThat(rpc.call("test_add", "[\"0x1\",\"0x1\"]").path("result").asText()).isEqualTo("0x2");
        }
    }
}
