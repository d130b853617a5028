package org.parkchain.consensus.raft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A member's view of the park's network, read from its cluster file (JSON):
 *
 * <pre>{@code
 * {"self": "n1",
 *  "members": [{"id": "n1", "raft": "127.0.0.1:9101", "rpc": "http://127.0.0.1:8545", "role": "voter"}, ...,
 *              {"id": "reg", "raft": "127.0.0.1:9104", "rpc": "http://127.0.0.1:8548", "role": "listener"}],
 *  "tls": {"ca": "ca.pem", "certificate": "n1.pem", "privateKey": "n1.key"},
 *  "election": {"minTimeoutMs": 1000, "maxTimeoutMs": 2000},
 *  "snapshot": {"everyEntries": 10000, "keepLogEntries": 1000, "logSegmentBytes": 1048576}}
 * }</pre>
 *
 * Relative paths resolve against the cluster file's folder. {@code election} and {@code snapshot} are optional.
 * Everything is checked when the file is read ({@link #load}); any problem is one {@link ClusterFileException} line.
 *
 * @param electionMin the shortest election timeout: a follower that hears nothing from a leader this long starts
 *     an election (Ratis' default, 150 ms, makes a loaded 2-core machine flap; ours is 1 s)
 * @param electionMax the longest election timeout (each election waits a random time between the two)
 * @param snapshotEvery entries applied between two snapshots (a snapshot is the flushed chain database; the log
 *     before it may be purged)
 * @param keepLogEntries log entries kept behind a snapshot, so a follower a little behind catches up from the log
 * @param logSegmentBytes size of one Raft log file; only whole closed files are purged, so small ones purge sooner
 */
public record ClusterSpec(String self, List<ClusterMember> members, TlsFiles tls, Duration electionMin,
                          Duration electionMax, long snapshotEvery, long keepLogEntries, long logSegmentBytes) {
    public static final Duration DEFAULT_ELECTION_MIN = Duration.ofMillis(1000);
    public static final Duration DEFAULT_ELECTION_MAX = Duration.ofMillis(2000);
    public static final long DEFAULT_SNAPSHOT_EVERY = 10_000;
    public static final long DEFAULT_KEEP_LOG_ENTRIES = 1_000;
    public static final long DEFAULT_LOG_SEGMENT_BYTES = 1 << 20;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The park CA's certificate, this member's certificate and its private key (PEM files). */
    public record TlsFiles(Path ca, Path certificate, Path privateKey) {}

    public ClusterSpec {
        members = List.copyOf(members);
    }

    /** This member's entry. */
    public ClusterMember selfMember() {
        return member(self).orElseThrow();
    }

    public Optional<ClusterMember> member(String id) {
        return members.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public List<ClusterMember> voters() {
        return members.stream().filter(m -> m.role() == ClusterMember.Role.VOTER).toList();
    }

    /**
     * Reads and checks a cluster file: JSON shape, unique ids, this member present, addresses, and that the TLS files
     * exist and are readable (their contents are checked by {@link ClusterTls#load}).
     *
     * @throws ClusterFileException naming the file and the problem
     */
    public static ClusterSpec load(Path file) {
        String where = "cluster file " + file;
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ClusterFileException(where + ": no such file");
        } catch (IOException e) {
            throw new ClusterFileException(where + ": not readable JSON: " + firstLine(e.getMessage()));
        }
        Path folder = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("."));
        return parse(root, folder, where);
    }

    static ClusterSpec parse(JsonNode root, Path folder, String where) {
        if (root == null || !root.isObject()) {
            throw new ClusterFileException(where + ": expected a JSON object");
        }
        allowOnly(root, where, "self", "members", "tls", "election", "snapshot");
        String self = text(root, "self", where);
        JsonNode list = root.get("members");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ClusterFileException(where + ": \"members\" must be a non-empty array");
        }
        List<ClusterMember> members = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            String at = where + ": members[" + i + "]";
            if (!m.isObject()) {
                throw new ClusterFileException(at + " must be an object");
            }
            allowOnly(m, at, "id", "raft", "rpc", "role");
            String id = text(m, "id", at);
            if (!ID.matcher(id).matches()) {
                throw new ClusterFileException(at + ": id '" + id + "' must be 1-64 letters, digits, '-' or '_'");
            }
            if (!ids.add(id)) {
                throw new ClusterFileException(where + ": duplicate member id '" + id + "'");
            }
            String raft = raftAddress(text(m, "raft", at), at + " (" + id + ")");
            if (!addresses.add(raft)) {
                throw new ClusterFileException(where + ": members share the Raft address " + raft);
            }
            URI rpc = rpcUrl(text(m, "rpc", at), at + " (" + id + ")");
            String role = m.has("role") ? text(m, "role", at) : "voter";
            ClusterMember.Role parsedRole = switch (role) {
                case "voter" -> ClusterMember.Role.VOTER;
                case "listener" -> ClusterMember.Role.LISTENER;
                default -> throw new ClusterFileException(at + " (" + id + "): role must be 'voter' or 'listener', got '" + role + "'");
            };
            members.add(new ClusterMember(id, raft, rpc, parsedRole));
        }
        if (!ids.contains(self)) {
            throw new ClusterFileException(where + ": \"self\" is '" + self + "', which is not among the members " + ids);
        }
        if (members.stream().noneMatch(m -> m.role() == ClusterMember.Role.VOTER)) {
            throw new ClusterFileException(where + ": at least one member must be a voter");
        }
        JsonNode tlsNode = root.get("tls");
        if (tlsNode == null || !tlsNode.isObject()) {
            throw new ClusterFileException(where + ": \"tls\" is required: {\"ca\", \"certificate\", \"privateKey\"} "
                    + "(Raft traffic is mutual TLS; 'parkchain cluster init' writes a dev CA)");
        }
        allowOnly(tlsNode, where + ": tls", "ca", "certificate", "privateKey");
        TlsFiles tls = new TlsFiles(readableFile(folder, text(tlsNode, "ca", where + ": tls"), where + ": tls.ca"),
                readableFile(folder, text(tlsNode, "certificate", where + ": tls"), where + ": tls.certificate"),
                readableFile(folder, text(tlsNode, "privateKey", where + ": tls"), where + ": tls.privateKey"));

        Duration min = DEFAULT_ELECTION_MIN;
        Duration max = DEFAULT_ELECTION_MAX;
        JsonNode election = root.get("election");
        if (election != null) {
            allowOnly(election, where + ": election", "minTimeoutMs", "maxTimeoutMs");
            min = Duration.ofMillis(positive(election, "minTimeoutMs", min.toMillis(), where + ": election"));
            max = Duration.ofMillis(positive(election, "maxTimeoutMs", max.toMillis(), where + ": election"));
            if (max.compareTo(min) <= 0) {
                throw new ClusterFileException(where + ": election.maxTimeoutMs (" + max.toMillis()
                        + ") must be above minTimeoutMs (" + min.toMillis() + ")");
            }
        }
        long every = DEFAULT_SNAPSHOT_EVERY;
        long keep = DEFAULT_KEEP_LOG_ENTRIES;
        long segment = DEFAULT_LOG_SEGMENT_BYTES;
        JsonNode snapshot = root.get("snapshot");
        if (snapshot != null) {
            allowOnly(snapshot, where + ": snapshot", "everyEntries", "keepLogEntries", "logSegmentBytes");
            every = positive(snapshot, "everyEntries", every, where + ": snapshot");
            keep = positive(snapshot, "keepLogEntries", keep, where + ": snapshot");
            segment = positive(snapshot, "logSegmentBytes", segment, where + ": snapshot");
            if (segment < 4096) {
                throw new ClusterFileException(where + ": snapshot.logSegmentBytes must be at least 4096, got " + segment);
            }
        }
        return new ClusterSpec(self, members, tls, min, max, every, keep, segment);
    }

    private static void allowOnly(JsonNode node, String where, String... names) {
        Set<String> allowed = Set.of(names);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new ClusterFileException(where + ": unknown field \"" + name + "\" (allowed: " + String.join(", ", names) + ")");
            }
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new ClusterFileException(where + ": \"" + field + "\" must be a non-empty string");
        }
        return v.asText();
    }

    private static long positive(JsonNode node, String field, long otherwise, String where) {
        JsonNode v = node.get(field);
        if (v == null) {
            return otherwise;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() <= 0) {
            throw new ClusterFileException(where + ": \"" + field + "\" must be a positive integer, got " + v);
        }
        return v.asLong();
    }

    static String raftAddress(String value, String where) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new ClusterFileException(where + ": raft address '" + value + "' must be host:port");
        }
        String host = value.substring(0, colon);
        if (!host.matches("[A-Za-z0-9.-]+") && !host.matches("\\[[0-9a-fA-F:]+]")) {
            throw new ClusterFileException(where + ": raft address '" + value + "' has a bad host '" + host + "'");
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ClusterFileException(where + ": raft address '" + value + "' has a bad port");
        }
        if (port < 1 || port > 65535) {
            throw new ClusterFileException(where + ": raft address '" + value + "' has port " + port + ", not 1-65535");
        }
        return value;
    }

    static URI rpcUrl(String value, String where) {
        try {
            URI uri = new URI(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ClusterFileException(where + ": rpc '" + value + "' must be an http(s)://host:port URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ClusterFileException(where + ": rpc '" + value + "' is not a URL: " + e.getReason());
        }
    }

    private static Path readableFile(Path folder, String name, String where) {
        Path p = folder.resolve(name).normalize();
        if (!Files.isRegularFile(p)) {
            throw new ClusterFileException(where + ": " + p + ": no such file");
        }
        if (!Files.isReadable(p)) {
            throw new ClusterFileException(where + ": " + p + ": not readable");
        }
        return p;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
