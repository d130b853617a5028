package org.parkchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A broken cluster file is one line on stderr and exit status 2, before anything starts. */
class ClusterFileErrorsTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @BeforeEach
    void devCluster() {
        assertThat(run("cluster", "init", "--dir", dir.toString(), "--members", "3", "--listeners", "1")).isZero();
        assertThat(out.toString()).contains("n1", "n2", "n3", "l1", "listener");
        out.getBuffer().setLength(0);
    }

    private int node(Path clusterFile) {
        err.getBuffer().setLength(0);
        return run("node", "--data-dir", dir.resolve("data").toString(), "--genesis", dir.resolve("genesis.json").toString(),
                "--cluster", clusterFile.toString());
    }

    private Path edited(String name, String from, String to) throws Exception {
        String text = Files.readString(dir.resolve("n1.json"));
        assertThat(text).contains(from);
        Path file = dir.resolve(name);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
        return file;
    }

    private void assertOneLineError(String... parts) {
        String text = err.toString();
        assertThat(text).startsWith("error: ").contains(parts);
        assertThat(text.lines().filter(l -> l.startsWith("error:")).count()).isEqualTo(1);
    }

    @Test
    void initWritesEveryMembersFilesAndAGenesis() {
        for (String id : new String[] {"n1", "n2", "n3", "l1"}) {
            assertThat(dir.resolve(id + ".json")).isRegularFile();
            assertThat(dir.resolve(id + ".pem")).isRegularFile();
            assertThat(dir.resolve(id + ".key")).isRegularFile();
        }
        assertThat(dir.resolve("ca.pem")).isRegularFile();
        assertThat(dir.resolve("genesis.json")).content().contains("\"park\"", "\"chainId\" : 31337");
        assertThat(run("cluster", "init", "--dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("already holds a cluster");
    }

    @Test
    void duplicateIdsAreRefused() throws Exception {
        assertThat(node(edited("dup.json", "\"id\" : \"n2\"", "\"id\" : \"n1\""))).isEqualTo(2);
        assertOneLineError("duplicate member id 'n1'");
    }

    @Test
    void ownIdMissingIsRefused() throws Exception {
        assertThat(node(edited("self.json", "\"self\" : \"n1\"", "\"self\" : \"n9\""))).isEqualTo(2);
        assertOneLineError("\"self\" is 'n9', which is not among the members");
    }

    @Test
    void badAddressesAreRefused() throws Exception {
        assertThat(node(edited("port.json", "127.0.0.1:9102", "127.0.0.1:99999"))).isEqualTo(2);
        assertOneLineError("has port 99999, not 1-65535");
        assertThat(node(edited("noport.json", "127.0.0.1:9102", "127.0.0.1"))).isEqualTo(2);
        assertOneLineError("must be host:port");
        assertThat(node(edited("rpc.json", "http://127.0.0.1:8546", "ftp://x"))).isEqualTo(2);
        assertOneLineError("must be an http(s)://host:port URL");
    }

    @Test
    void missingOrUnreadableCertificatesAreRefused() throws Exception {
        assertThat(node(edited("nocert.json", "\"n1.pem\"", "\"missing.pem\""))).isEqualTo(2);
        assertOneLineError("tls.certificate", "missing.pem: no such file");
        Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");
        assertThat(node(edited("garbage.json", "\"n1.pem\"", "\"garbage.pem\""))).isEqualTo(2);
        assertOneLineError("garbage.pem");
        // n2's certificate with n1's key: the key does not belong to it.
        assertThat(node(edited("wrongkey.json", "\"n1.pem\"", "\"n2.pem\""))).isEqualTo(2);
        assertOneLineError("does not belong to certificate");
    }

    @Test
    void aCertificateFromAnotherCaIsRefused(@TempDir Path other) throws Exception {
        assertThat(run("cluster", "init", "--dir", other.toString())).isZero();
        Files.copy(other.resolve("n1.pem"), dir.resolve("foreign.pem"));
        Files.copy(other.resolve("n1.key"), dir.resolve("foreign.key"));
        Path file = edited("foreign.json", "\"n1.pem\"", "\"foreign.pem\"");
        Files.writeString(file, Files.readString(file).replace("\"n1.key\"", "\"foreign.key\""));
        assertThat(node(file)).isEqualTo(2);
        assertOneLineError("was not issued by the park CA");
    }

    @Test
    void notJsonAndMissingFileAreRefused() throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{\"self\": ");
        assertThat(node(dir.resolve("broken.json"))).isEqualTo(2);
        assertOneLineError("not readable JSON");
        assertThat(node(dir.resolve("absent.json"))).isEqualTo(2);
        assertOneLineError("absent.json: no such file");
    }
}
