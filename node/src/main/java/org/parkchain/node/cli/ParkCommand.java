package org.parkchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import org.parkchain.node.park.JsonRpcClient;
import org.parkchain.node.park.ParkReadApi;
import org.parkchain.node.park.ParkTables;
import org.parkchain.node.park.ParkViews;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "park",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the park as a table, read from a running node: residents, clients (and blocked addresses),",
            "tokens, offerings or the levy. The same data is JSON at http://127.0.0.1:8545/api/park/VIEW."
        })
final class ParkCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VIEW", description = "One of: residents, clients, tokens, offerings, levy.")
    String view;

    @Option(names = "--rpc", paramLabel = "URL", defaultValue = "http://127.0.0.1:8545/",
            description = "The node's JSON-RPC URL (default: ${DEFAULT-VALUE}).")
    String rpc;

    @Option(names = "--json", description = "Print the JSON the node serves instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        if (!ParkViews.NAMES.contains(view)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown view '" + view + "'; expected one of " + String.join(", ", ParkViews.NAMES));
        }
        JsonRpcClient client;
        try {
            client = new JsonRpcClient(URI.create(rpc.endsWith("/") ? rpc : rpc + "/"));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rpc: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        JsonNode data;
        try {
            data = client.get(ParkReadApi.PREFIX + view);
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
        if (json) {
            out.println(data.toPrettyString());
            out.flush();
        } else {
            ParkTables.print(view, data, out);
        }
        return 0;
    }
}
