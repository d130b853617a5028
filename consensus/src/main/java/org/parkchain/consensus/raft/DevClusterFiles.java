package org.parkchain.consensus.raft;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a throwaway development cluster ({@code parkchain cluster init}), all in one folder:
 *
 * <ul>
 *   <li>{@code ca.pem}: the dev CA's certificate (every member trusts it, and only it);
 *   <li>{@code ID.pem}, {@code ID.key}: each member's certificate (valid one year, for {@code 127.0.0.1}/{@code localhost})
 *       and private key (PKCS#8, readable by the owner only);
 *   <li>{@code ID.json}: each member's cluster file (the same members, {@code "self"} its own id);
 * </ul>
 *
 * Voters are {@code n1…nN}, listeners {@code l1…lK}; Raft ports count up from the base port, RPC ports from the RPC
 * base port, in the same order. The CA's private key is not kept: adding a member later needs a certificate from
 * the same CA, so a dev cluster is re-initialised instead.
 */
public final class DevClusterFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DevClusterFiles() {}

    /** What was written: the members in order and their cluster files. */
    public record Written(List<ClusterMember> members, List<Path> clusterFiles) {}

    public static Written write(Path dir, int voters, int listeners, String host, int raftBasePort, int rpcBasePort) {
        if (voters < 1 || listeners < 0) {
            throw new IllegalArgumentException("a cluster needs at least one voter (got " + voters + " voters, "
                    + listeners + " listeners)");
        }
        try {
            Files.createDirectories(dir);
            DevCertificateAuthority ca = DevCertificateAuthority.create("Parkchain dev park CA");
            DevCertificateAuthority.writeCertificate(ca.certificate(), dir.resolve("ca.pem"));
            List<ClusterMember> members = new ArrayList<>();
            int i = 0;
            for (int v = 1; v <= voters; v++, i++) {
                members.add(new ClusterMember("n" + v, host + ":" + (raftBasePort + i),
                        java.net.URI.create("http://" + host + ":" + (rpcBasePort + i)), ClusterMember.Role.VOTER));
            }
            for (int l = 1; l <= listeners; l++, i++) {
                members.add(new ClusterMember("l" + l, host + ":" + (raftBasePort + i),
                        java.net.URI.create("http://" + host + ":" + (rpcBasePort + i)), ClusterMember.Role.LISTENER));
            }
            List<Path> files = new ArrayList<>();
            for (ClusterMember m : members) {
                DevCertificateAuthority.Issued issued = ca.issue(m.id(), m.host(), Duration.ofDays(365));
                DevCertificateAuthority.writeCertificate(issued.certificate(), dir.resolve(m.id() + ".pem"));
                DevCertificateAuthority.writePrivateKey(issued.keys(), dir.resolve(m.id() + ".key"));
                Path file = dir.resolve(m.id() + ".json");
                Files.writeString(file, clusterFile(m.id(), members));
                files.add(file);
            }
            return new Written(members, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cluster files in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A cluster file for member {@code self} (TLS files named {@code ca.pem}, {@code SELF.pem}, {@code SELF.key}). */
    public static String clusterFile(String self, List<ClusterMember> members) {
        ObjectNode root = JSON.createObjectNode();
        root.put("self", self);
        ArrayNode list = root.putArray("members");
        for (ClusterMember m : members) {
            list.addObject().put("id", m.id()).put("raft", m.raft()).put("rpc", m.rpc().toString()).put("role", m.role().label());
        }
        root.putObject("tls").put("ca", "ca.pem").put("certificate", self + ".pem").put("privateKey", self + ".key");
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
