package org.parkchain.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The partitioning proxy with this test's own process as the member on the client side and an echo server behind. */
class RaftLinksTest {
    private static final Map<String, Long> ME = Map.of("me", ProcessHandle.current().pid());

    @Test
    void attributesConnectionsToTheOwningProcessAndCutsAndHealsThem() throws Exception {
        try (ServerSocket echo = echoServer(); RaftLinks links = new RaftLinks(() -> ME)) {
            InetSocketAddress front = links.front("srv", new InetSocketAddress(InetAddress.getLoopbackAddress(), echo.getLocalPort()));
            Socket open = new Socket(front.getAddress(), front.getPort());
            open.setSoTimeout(5_000);
            assertThat(roundTrip(open, 7)).isEqualTo(7);
            assertThat(links.connectionsUnattributed()).isZero();

            links.partition(Set.of("me"), Set.of("me", "srv"));
            assertThat(open.getInputStream().read()).as("an open connection across the cut is closed").isEqualTo(-1);
            try (Socket refused = new Socket(front.getAddress(), front.getPort())) {
                refused.setSoTimeout(5_000);
                assertThat(readAfterWrite(refused)).as("a new connection across the cut is closed").isEqualTo(-1);
            }
            assertThat(links.connectionsRefused()).isEqualTo(1);

            links.heal();
            try (Socket again = new Socket(front.getAddress(), front.getPort())) {
                again.setSoTimeout(5_000);
                assertThat(roundTrip(again, 9)).isEqualTo(9);
            }
            open.close();
        }
    }

    @Test
    void aCutBetweenOtherMembersLeavesThisOneAlone() throws Exception {
        try (ServerSocket echo = echoServer(); RaftLinks links = new RaftLinks(() -> ME)) {
            InetSocketAddress front = links.front("srv", new InetSocketAddress(InetAddress.getLoopbackAddress(), echo.getLocalPort()));
            links.partition(Set.of("x"), Set.of("x", "srv", "me"));
            try (Socket s = new Socket(front.getAddress(), front.getPort())) {
                s.setSoTimeout(5_000);
                assertThat(roundTrip(s, 5)).isEqualTo(5);
            }
        }
    }

    /** A link whose source was not attributed may be a member's: the cut must close it, or it leaks across. */
    @Test
    void aCutClosesAnOpenConnectionWhoseSourceIsUnknown() throws Exception {
        try (ServerSocket echo = echoServer(); RaftLinks links = new RaftLinks(Map::of)) {
            InetSocketAddress front = links.front("srv", new InetSocketAddress(InetAddress.getLoopbackAddress(), echo.getLocalPort()));
            Socket open = new Socket(front.getAddress(), front.getPort());
            open.setSoTimeout(5_000);
            assertThat(roundTrip(open, 3)).isEqualTo(3);
            assertThat(links.connectionsUnattributed()).isEqualTo(1);

            links.partition(Set.of("x"), Set.of("x", "srv"));
            assertThat(readAfterWrite(open)).as("an unattributed connection open at the cut is closed").isEqualTo(-1);
            open.close();
        }
    }

    private static int roundTrip(Socket s, int b) throws IOException {
        s.getOutputStream().write(b);
        s.getOutputStream().flush();
        return s.getInputStream().read();
    }

    private static int readAfterWrite(Socket s) {
        try {
            s.getOutputStream().write(1);
            return s.getInputStream().read();
        } catch (IOException e) {
            return -1; // reset: closed as well
        }
    }

    private static ServerSocket echoServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread.ofVirtual().start(() -> {
                        try (s; InputStream in = s.getInputStream()) {
                            int b;
                            while ((b = in.read()) >= 0) {
                                s.getOutputStream().write(b);
                            }
                        } catch (IOException e) {
                            // closed
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        return server;
    }
}
