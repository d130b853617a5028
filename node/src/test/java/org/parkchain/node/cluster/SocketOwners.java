package org.parkchain.node.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which process opened a loopback TCP connection, from Linux's {@code /proc}: the connection's socket inode is in
 * {@code /proc/net/tcp} (or {@code tcp6} for a dual-stack socket) under its two ports, and the process that holds it
 * has a {@code /proc/PID/fd} link to {@code socket:[inode]}. This is how {@link RaftLinks} knows which member is on
 * the other end of a connection without trusting anything the member sends.
 */
final class SocketOwners {
    private SocketOwners() {}

    /**
     * The one of {@code candidates} (process ids) that owns the client end of the connection from local port
     * {@code clientPort} to {@code serverPort}; empty when none does (another process, or the socket is gone).
     */
    static Optional<Long> owner(int clientPort, int serverPort, List<Long> candidates) {
        Optional<String> inode = inode(clientPort, serverPort);
        if (inode.isEmpty()) {
            return Optional.empty();
        }
        String link = "socket:[" + inode.get() + "]";
        for (long pid : candidates) {
            try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
                if (fds.anyMatch(fd -> link.equals(readLink(fd)))) {
                    return Optional.of(pid);
                }
            } catch (IOException e) {
                // the process ended meanwhile
            }
        }
        return Optional.empty();
    }

    /**
     * The process among {@code candidates} holding each established connection to 127.0.0.1:{@code remotePort}
     * (IPv4, or IPv4-mapped in the IPv6 table).
     */
    static List<Long> clientsOf(int remotePort, List<Long> candidates) {
        String remote = String.format("0100007F:%04X", remotePort);
        List<Long> owners = new java.util.ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && f[2].endsWith(remote) && f[3].equals("01") && !f[9].equals("0")) {
                        String link = "socket:[" + f[9] + "]";
                        for (long pid : candidates) {
                            try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
                                if (fds.anyMatch(fd -> link.equals(readLink(fd)))) {
                                    owners.add(pid);
                                }
                            } catch (IOException e) {
                                // ended meanwhile
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // no IPv6 table
            }
        }
        return owners;
    }

    private static Optional<String> inode(int localPort, int remotePort) {
        String local = String.format(":%04X", localPort);
        String remote = String.format(":%04X", remotePort);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode …
                    if (f.length > 9 && f[1].endsWith(local) && f[2].endsWith(remote) && !f[9].equals("0")) {
                        return Optional.of(f[9]);
                    }
                }
            } catch (IOException e) {
                // no IPv6 table on this machine
            }
        }
        return Optional.empty();
    }

    private static String readLink(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return "";
        }
    }
}
