package org.parkchain.node.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A fault-injecting TCP proxy in front of every member's Raft port: the network between members, which a test can
 * cut. Members reach each other only through these fronts (their cluster files say so), so cutting a link is
 * refusing or closing the connections that cross it. The source of a connection is the member whose process owns
 * the client socket ({@link SocketOwners}), so a cut is exact per pair and per direction of connection set-up,
 * whichever address Ratis learnt a peer under. Raft over gRPC uses long-lived HTTP/2 connections: a cut closes
 * the ones already open and refuses new ones until healed, which a member sees as a peer that stopped answering.
 *
 * <p>Why a proxy and not network namespaces: the node serves JSON-RPC on 127.0.0.1 only, which a process in
 * another namespace cannot reach, and a CI container usually lacks CAP_NET_ADMIN; the proxy needs neither.
 */
final class RaftLinks implements AutoCloseable {
    private record Link(String from, String to, Socket client, Socket upstream) {
        void close() {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private final Supplier<Map<String, Long>> memberPids;
    private final Set<Set<String>> cut = ConcurrentHashMap.newKeySet();
    private final List<Link> open = new CopyOnWriteArrayList<>();
    private final List<ServerSocket> fronts = new CopyOnWriteArrayList<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unattributed = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();

    /** @param memberPids the current process id of every member (they change on restart) */
    RaftLinks(Supplier<Map<String, Long>> memberPids) {
        this.memberPids = memberPids;
    }

    /** Opens a front for member {@code to} listening on an ephemeral loopback port, forwarding to {@code target}. */
    InetSocketAddress front(String to, InetSocketAddress target) {
        return front(to, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), target);
    }

    /** Opens a front for member {@code to} listening on {@code at}, forwarding to {@code target}. */
    InetSocketAddress front(String to, InetSocketAddress at, InetSocketAddress target) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(at, 64);
            fronts.add(server);
            Thread.ofPlatform().daemon().name("raft-front-" + to).start(() -> accept(server, to, target));
            return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a proxy front for " + to, e);
        }
    }

    /** Cuts every link between a member of {@code side} and a member outside it; open connections are closed. */
    void partition(Set<String> side, Set<String> all) {
        for (String a : side) {
            for (String b : all) {
                if (!side.contains(b)) {
                    cut.add(Set.of(a, b));
                }
            }
        }
        // A link whose source was not attributed may be a member's: close it too, as connect() refuses such links
        // while a cut is in force (left open, it carried the old leader's heartbeats across the cut).
        open.stream().filter(l -> l.from() == null || isCut(l.from(), l.to())).forEach(l -> {
            open.remove(l);
            l.close();
        });
    }

    /** Restores every link. */
    void heal() {
        cut.clear();
    }

    long connectionsAccepted() {
        return accepted.get();
    }

    long connectionsRefused() {
        return refused.get();
    }

    /** Connections whose source process was not a member (an admin client, or a socket gone before it was seen). */
    long connectionsUnattributed() {
        return unattributed.get();
    }

    private boolean isCut(String from, String to) {
        return from != null && cut.contains(Set.of(from, to));
    }

    private void accept(ServerSocket server, String to, InetSocketAddress target) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted.incrementAndGet();
            Thread.ofVirtual().start(() -> connect(client, to, target, server.getLocalPort()));
        }
    }

    private void connect(Socket client, String to, InetSocketAddress target, int frontPort) {
        String from = source(client.getPort(), frontPort).orElse(null);
        if (from == null) {
            unattributed.incrementAndGet();
        }
        // While a cut is in force an unknown source is refused too: a partition must not leak.
        if (isCut(from, to) || (from == null && !cut.isEmpty())) {
            refused.incrementAndGet();
            closeQuietly(client);
            return;
        }
        Socket upstream = new Socket();
        try {
            upstream.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            upstream.connect(target, 2_000);
        } catch (IOException e) {
            closeQuietly(client); // the member behind the front is down: the caller sees a refused connection
            closeQuietly(upstream);
            return;
        }
        Link link = new Link(from, to, client, upstream);
        open.add(link);
        if (isCut(from, to)) { // a partition raced with this connection
            open.remove(link);
            link.close();
            return;
        }
        Thread.ofVirtual().start(() -> pump(link, client, upstream));
        pump(link, upstream, client);
    }

    private void pump(Link link, Socket in, Socket out) {
        byte[] buffer = new byte[32 * 1024];
        try (InputStream from = in.getInputStream(); OutputStream to = out.getOutputStream()) {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                to.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // closed by a cut or by either end
        } finally {
            open.remove(link);
            link.close();
        }
    }

    private Optional<String> source(int clientPort, int frontPort) {
        Map<String, Long> pids = memberPids.get();
        Optional<Long> pid = SocketOwners.owner(clientPort, frontPort, new ArrayList<>(pids.values()));
        return pid.flatMap(p -> pids.entrySet().stream().filter(e -> e.getValue().equals(p)).map(Map.Entry::getKey)
                .findFirst());
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        fronts.forEach(s -> {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        });
        open.forEach(Link::close);
    }
}
