package org.parkchain.node.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Starts an embedded node and plays the park's story through real signed transactions.")
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.println("Parkchain demo");
        out.println("The park's story (admissions, identification, token offering, levy) needs the node and the");
        out.println("regime, which are not built yet. What exists today: the primitives, the EVM and the conformance");
        out.println("runners, e.g.  ./parkchain conformance rlp ../shared/ethereum-tests/RLPTests");
        return 0;
    }
}
