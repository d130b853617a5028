package org.parkchain.node.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parkchain.conformance.ConformanceRunner;
import org.parkchain.conformance.ConformanceSuite;
import org.parkchain.conformance.Report;
import org.parkchain.conformance.Suites;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "conformance",
        mixinStandardHelpOptions = true,
        description = {
            "Runs public Ethereum test files (ethereum/tests, the EIPs' precompile vectors) and prints one line per failure,",
            "then 'N passed, M failed'. Exit status 0 only when nothing failed."
        })
final class ConformanceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUITE", description = "One of: state, rlp, trie, tx, keystore, abi, precompiles.")
    String suiteName;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH", description = "Test files or folders (searched recursively for .json).")
    List<Path> paths;

    @Option(names = "--fork", defaultValue = "Cancun", description = "Fork whose expectations to check (default: ${DEFAULT-VALUE}).")
    String fork;

    @Override
    public Integer call() {
        if (!Suites.NAMES.contains(suiteName)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "unknown suite '" + suiteName + "'; expected one of " + String.join(", ", Suites.NAMES));
        }
        ConformanceSuite suite = Suites.byName(suiteName).orElse(null);
        if (suite == null) {
            spec.commandLine().getErr().println("error: the '" + suiteName + "' conformance suite is not built yet");
            return 2;
        }
        Report report;
        try {
            report = ConformanceRunner.run(suite, paths, fork, spec.commandLine().getOut());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        spec.commandLine().getOut().println(report.summary());
        return report.failed() == 0 ? 0 : 1;
    }
}
