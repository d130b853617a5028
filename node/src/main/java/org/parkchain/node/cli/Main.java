package org.parkchain.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code parkchain} command line. Subcommands keep their names, flags and output stable (DESIGN.md). */
@Command(
        name = "parkchain",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Parkchain: the ledger of a high-technology park's digital economy (Ethereum-compatible).",
        subcommands = {NodeCommand.class, ClusterCommand.class, DemoCommand.class, ParkCommand.class, ConformanceCommand.class, DbCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call {@code execute} on it without exiting the JVM. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // One line for a bad flag, then the usage of the command that was wrong.
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("error: " + ex.getMessage());
            cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("error: " + ex.getMessage());
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"parkchain " + (v == null ? "dev" : v)};
        }
    }
}
