package org.parkchain.node.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parkchain.chain.ChainCheck;
import org.parkchain.chain.RocksDbChainStore;
import org.parkchain.chain.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parkchain db check --data-dir DIR}: verifies a stopped node's chain database without changing it. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Works on a node's chain database offline.",
        subcommands = DbCommand.Check.class)
final class DbCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = {
            "Verifies the chain in a data directory, read-only: the canonical headers back to genesis (each the parent",
            "of the next, with body and receipts matching the header), and every node of the head's state; first, the",
            "checksum of every block of every database file.",
            "Exit status 0 when sound, 1 when problems were found (one line each)."})
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--data-dir", paramLabel = "DIR", required = true, description = "The node's data directory.")
        Path dataDir;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path chain = dataDir.resolve("chain");
            if (!Files.isDirectory(chain)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--data-dir " + dataDir + " holds no chain (no " + chain + " folder)");
            }
            ChainCheck.Report report;
            try (RocksDbChainStore store = RocksDbChainStore.openReadOnly(chain)) {
                // Checksums first: a damaged file is the whole answer (walking the chain over it only repeats it).
                java.util.Optional<String> damaged = store.verifyFileChecksums();
                if (damaged.isPresent()) {
                    out.println("problem: " + damaged.get());
                    out.println("chain in " + chain + ": damaged files, chain not walked, 1 problem");
                    return 1;
                }
                report = ChainCheck.full(store);
            } catch (StoreException e) {
                err.println("error: " + e.getMessage());
                return 1;
            }
            for (String problem : report.problems()) {
                out.println("problem: " + problem);
            }
            out.println("chain in " + chain + ": head block " + report.headNumber() + ", " + report.blocksChecked()
                    + " blocks and " + report.stateEntries() + " state entries checked, "
                    + (report.sound() ? "sound" : report.problems().size() + " problems"));
            return report.sound() ? 0 : 1;
        }
    }
}
