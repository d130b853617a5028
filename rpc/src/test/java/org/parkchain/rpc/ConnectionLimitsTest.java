package org.parkchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a hostile or broken client can do to the transport: connections that send nothing, too many connections,
 * Host names a DNS-rebinding page would send, and compressed WebSocket frames that would inflate far beyond the
 * message limit.
 */
class ConnectionLimitsTest {

    /** A raw TCP client, to do what well-behaved HTTP clients never do. */
    private static Socket connect(RunningRpc rpc) throws IOException {
        Socket socket = new Socket("127.0.0.1", rpc.server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Reads until the server closes the connection; what it sent. Fails if it stays open past the socket timeout. */
    private static String readUntilClosed(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open; received so far: " + text);
        } catch (java.net.SocketException e) {
            // reset by the server: closed as well
        }
        return text.toString();
    }

    private static String request(String host, String body) {
        return "POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body;
    }

    private static String exchange(RunningRpc rpc, String raw) throws IOException {
        try (Socket socket = connect(rpc)) {
            socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
            return readUntilClosed(socket);
        }
    }

    @Test
    void aConnectionThatNeverSendsItsHeadersIsClosed() throws IOException {
        RpcConfig config = RunningRpc.testConfig().withHeaderTimeout(Duration.ofMillis(500));
        try (RunningRpc rpc = new RunningRpc(config); Socket silent = connect(rpc); Socket slow = connect(rpc)) {
            // One sends nothing at all, the other the start of a request and then nothing more.
            slow.getOutputStream().write("POST / HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            readUntilClosed(silent);
            readUntilClosed(slow);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(rpc.call("test_add", "[\"0x1\",\"0x2\"]").path("result").asText()).isEqualTo("0x3");
        }
    }

    @Test
    void everyRequestOnAReusedConnectionMustSendItsHeadersInTimeWhileIdlingIsLeftToTheIdleTimeout() throws Exception {
        RpcConfig config = RunningRpc.testConfig().withHeaderTimeout(Duration.ofMillis(500)); // idle: 60 s
        try (RunningRpc rpc = new RunningRpc(config); Socket socket = connect(rpc)) {
            String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"params\":[\"0x1\",\"0x1\"]}";
            byte[] keepAlive = ("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(keepAlive);
            assertThat(readResponse(in)).contains("\"result\":\"0x2\"");
            // Waiting between requests is not sending headers slowly: three header timeouts later it still serves.
            Thread.sleep(1500);
            out.write(keepAlive);
            assertThat(readResponse(in)).contains("\"result\":\"0x2\"");
            // The third request's headers start and stop: the connection is cut after the header timeout.
            out.write("POST / HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            readUntilClosed(socket);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aWebSocketIsNotHeldToTheHeaderTimeoutOnceUpgraded() throws Exception {
        RpcConfig config = RunningRpc.testConfig().withHeaderTimeout(Duration.ofMillis(300));
        try (RunningRpc rpc = new RunningRpc(config); WsClient ws = new WsClient(rpc.http, rpc.server.port())) {
            assertThat(ws.call("test_map", "[]", 1).path("result").path("answer").asInt()).isEqualTo(42);
            Thread.sleep(1000);
            assertThat(ws.call("test_map", "[]", 2).path("result").path("answer").asInt()).isEqualTo(42);
        }
    }

    /** One HTTP/1.1 response with a Content-Length: its headers and body. */
    private static String readResponse(InputStream in) throws IOException {
        String headers = readHeaders(in);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(headers);
        assertThat(length.find()).as("a Content-Length in " + headers).isTrue();
        return headers + new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
    }

    @Test
    void anIdleKeepAliveConnectionIsClosed() throws IOException {
        RpcConfig config = RunningRpc.testConfig().withIdleTimeout(Duration.ofMillis(700));
        try (RunningRpc rpc = new RunningRpc(config); Socket socket = connect(rpc)) {
            String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"params\":[\"0x1\",\"0x1\"]}";
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            assertThat(readUntilClosed(socket)).contains("\"result\":\"0x2\"");
        }
    }

    @Test
    void aWebSocketThatAnswersPingsOutlivesTheIdleTimeoutAndOneThatDoesNotIsClosed() throws Exception {
        RpcConfig config = RunningRpc.testConfig().withIdleTimeout(Duration.ofMillis(600));
        try (RunningRpc rpc = new RunningRpc(config); WsClient live = new WsClient(rpc.http, rpc.server.port());
                Socket dead = connect(rpc)) {
            dead.getOutputStream().write(("GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(readHeaders(dead.getInputStream())).startsWith("HTTP/1.1 101");
            readUntilClosed(dead); // it never answers the pings
            Thread.sleep(1500);
            assertThat(live.call("test_map", "[]", 7).path("result").path("answer").asInt()).isEqualTo(42);
        }
    }

    @Test
    void connectionsBeyondTheCapAreClosedAtOnce() throws IOException {
        try (RunningRpc rpc = new RunningRpc(RunningRpc.testConfig().withMaxConnections(3))) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    held.add(connect(rpc));
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (rpc.server.openConnections() < 3 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                try (Socket extra = connect(rpc)) {
                    extra.getOutputStream().write(request("localhost", "{}").getBytes(StandardCharsets.US_ASCII));
                    assertThat(readUntilClosed(extra)).isEmpty();
                }
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (rpc.server.openConnections() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(rpc.call("test_add", "[\"0x1\",\"0x2\"]").path("result").asText()).isEqualTo("0x3");
        }
    }

    @Test
    void onlyAllowedHostNamesAndIpAddressesAreServed() throws IOException {
        String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"params\":[\"0x1\",\"0x1\"]}";
        try (RunningRpc rpc = new RunningRpc(RunningRpc.testConfig())) {
            int port = rpc.server.port();
            assertThat(exchange(rpc, request("rebind.attacker.example:" + port, call)))
                    .startsWith("HTTP/1.1 403").contains("invalid host specified");
            assertThat(exchange(rpc, request("localhost:" + port, call))).startsWith("HTTP/1.1 200");
            assertThat(exchange(rpc, request("LOCALHOST", call))).startsWith("HTTP/1.1 200");
            assertThat(exchange(rpc, request("127.0.0.1:" + port, call))).startsWith("HTTP/1.1 200");
            assertThat(exchange(rpc, request("[::1]:" + port, call))).startsWith("HTTP/1.1 200");
            // A WebSocket handshake from the rebinding page is refused as well.
            try (Socket socket = connect(rpc)) {
                socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: rebind.attacker.example\r\n"
                        + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                assertThat(readHeaders(socket.getInputStream())).startsWith("HTTP/1.1 403");
            }
        }
        try (RunningRpc rpc = new RunningRpc(RunningRpc.testConfig().withHostAllowlist(List.of("node.park.example")))) {
            assertThat(exchange(rpc, request("node.park.example", call))).startsWith("HTTP/1.1 200");
            assertThat(exchange(rpc, request("localhost", call))).startsWith("HTTP/1.1 403");
        }
        try (RunningRpc rpc = new RunningRpc(RunningRpc.testConfig().withHostAllowlist(List.of("*")))) {
            assertThat(exchange(rpc, request("anything.example", call))).startsWith("HTTP/1.1 200");
        }
    }

    /**
     * The compression bomb: with permessage-deflate a 200 KB frame could inflate to 200 MB before the message limit
     * was checked, freezing every connection. The server now never agrees to compression, and a frame that claims
     * to be compressed anyway ends that connection only.
     */
    @Test
    void webSocketCompressionIsNeverNegotiatedAndACompressedFrameEndsTheConnection() throws IOException {
        try (RunningRpc rpc = new RunningRpc(RunningRpc.testConfig()); Socket socket = connect(rpc)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String handshake = readHeaders(socket.getInputStream());
            assertThat(handshake).startsWith("HTTP/1.1 101").doesNotContainIgnoringCase("permessage-deflate");
            // 16 MiB of zeros deflate to about 16 KiB: a bomb 80 times the message limit.
            byte[] bomb = deflate(new byte[16 * 1024 * 1024]);
            out.write(frame(0x1, true, bomb));
            out.flush();
            readUntilClosed(socket);
            assertThat(rpc.call("test_add", "[\"0x1\",\"0x2\"]").path("result").asText()).isEqualTo("0x3");
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            headers.append((char) b);
        }
        return headers.toString();
    }

    private static byte[] deflate(byte[] data) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(9, true);
        deflater.setInput(data);
        deflater.finish();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        return out.toByteArray();
    }

    /** A masked client frame; {@code rsv1} marks it compressed (RFC 7692). */
    private static byte[] frame(int opcode, boolean rsv1, byte[] payload) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0x80 | (rsv1 ? 0x40 : 0) | opcode);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            out.write(0x80 | 126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xff);
        } else {
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >> shift) & 0xff);
            }
        }
        byte[] mask = {1, 2, 3, 4};
        out.write(mask, 0, 4);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        return out.toByteArray();
    }
}
