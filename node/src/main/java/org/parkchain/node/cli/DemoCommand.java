package org.parkchain.node.cli;

import java.io.PrintWriter;
import java.net.BindException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.parkchain.chain.Genesis;
import org.parkchain.primitives.Address;
import org.parkchain.node.NodeConfig;
import org.parkchain.node.ParkchainNode;
import org.parkchain.node.park.JsonRpcClient;
import org.parkchain.node.park.ParkStory;
import org.parkchain.node.park.RpcWallet;
import org.parkchain.primitives.Hex;
import org.parkchain.rpc.RpcConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Starts an embedded --dev node (in memory, chain id 31337) and plays the park's story through real signed",
            "transactions sent over its JSON-RPC, then keeps serving so any Ethereum tool can look around.",
            "Ctrl-C stops it."
        })
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rpc-port", defaultValue = "8545", description = "JSON-RPC port on 127.0.0.1; 0 picks a free one "
            + "(default: ${DEFAULT-VALUE}).")
    int rpcPort;

    @Option(names = "--exit", description = "Stop the node once the story is told instead of serving.")
    boolean exitAfterStory;

    @Option(names = "--nodes", defaultValue = "1", paramLabel = "N", description = {"1 (default): one embedded node.",
            "3 or more: a park network of N member processes (Raft, mutual TLS); the leader is killed mid-story,",
            "a new one takes over, and every member's head is shown equal at the end. Members serve JSON-RPC on",
            "--rpc-port and the ports after it."})
    int nodes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rpcPort < 0 || rpcPort > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--rpc-port must be between 0 and 65535 (0 = any free port), got " + rpcPort);
        }
        if (nodes != 1 && (nodes < 3 || nodes > 7)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--nodes must be 1, or 3 to 7 (a cluster that survives losing its leader), got " + nodes);
        }
        if (nodes > 1) {
            return clusterDemo(out, err);
        }
        NodeConfig config = NodeConfig.devDefaults().withRpc(RpcConfig.defaults().withPort(rpcPort));
        ParkchainNode node;
        try {
            node = ParkchainNode.start(config);
        } catch (IllegalStateException e) {
            if (causedBy(e, BindException.class)) {
                err.println("error: port " + rpcPort + " on 127.0.0.1 is taken (another node or demo running?); stop it "
                        + "or choose another port: ./parkchain demo --rpc-port 8546");
            } else {
                err.println("error: " + e.getMessage());
            }
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "parkchain-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean stopNow = exitAfterStory;
        try {
            out.println("Parkchain demo: a --dev node (chain id " + node.chainId() + ", in memory, instant blocks) serves "
                    + "JSON-RPC on " + node.rpcUrl());
            out.println("The park's story, told with signed transactions sent to that endpoint:");
            out.println();
            long began = System.nanoTime();
            RpcWallet wallet = new RpcWallet(new JsonRpcClient(node.rpcUrl()));
            ParkStory.Outcome outcome = new ParkStory(wallet, ParkStory.Cast.of(Genesis.devKeys()), out).play();
            out.printf("%nThe story took %.1f s. A park-token transfer cost %,d gas.%n",
                    (System.nanoTime() - began) / 1e9, outcome.parkTokenTransferGas());
            if (exitAfterStory) {
                return 0;
            }
            lookAround(out, node, outcome);
        } catch (RuntimeException e) {
            err.println("error: the story stopped: " + e.getMessage());
            stopNow = true; // nothing to look around at
            return 1;
        } finally {
            out.flush();
            if (stopNow) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C came first: the hook is closing the node already.
                }
                node.close();
            }
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            node.close();
        }
        return 0;
    }

    /** {@code --nodes N}: the story on a cluster of member processes, with a failover in the middle. */
    private int clusterDemo(PrintWriter out, PrintWriter err) {
        ClusterDemo demo;
        try {
            demo = ClusterDemo.start(out, nodes, rpcPort);
        } catch (Exception e) {
            err.println("error: cannot start the cluster: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            demo.close();
            stopped.countDown();
        }, "parkchain-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean stopNow = exitAfterStory;
        try {
            long began = System.nanoTime();
            ParkStory.Outcome outcome = demo.play();
            out.printf("%nThe story took %.1f s. A park-token transfer cost %,d gas.%n",
                    (System.nanoTime() - began) / 1e9, outcome.parkTokenTransferGas());
            if (exitAfterStory) {
                return 0;
            }
            out.println();
            out.println("The members keep serving. Look around:");
            demo.members().forEach(m -> out.println("  " + m.id() + "  JSON-RPC " + m.rpc()));
            out.println("  ./parkchain cluster status --rpc " + demo.members().get(0).rpc());
            out.println("  logs and data in " + demo.dir());
            out.println("Ctrl-C stops them.");
        } catch (Exception e) {
            err.println("error: the story stopped: " + e.getMessage() + " (member logs in " + demo.dir() + ")");
            stopNow = true;
            return 1;
        } finally {
            out.flush();
            if (stopNow) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C came first: the hook is stopping the members already.
                }
                demo.close();
            }
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            demo.close();
        }
        return 0;
    }

    private static void lookAround(PrintWriter out, ParkchainNode node, ParkStory.Outcome outcome) {
        String url = node.rpcUrl().toString();
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String balanceOf = "0x70a08231" + "0".repeat(24) + Hex.encodeNoPrefix(Genesis.devAccounts().get(3).toArray());
        String rpcFlag = node.rpcPort() == 8545 ? "" : " --rpc " + url;
        out.println();
        out.println("The node keeps serving. Look around:");
        out.println("  JSON-RPC      " + url + "   (chain id " + node.chainId() + "; WebSocket " + node.webSocketUrl() + ")");
        out.println("  explorer      " + url + "   (open it in a browser: blocks, transactions, the park's registers)");
        out.println("  MSL token     " + outcome.token().toChecksumHex() + ", offering #" + outcome.offeringId()
                + " at 0x0000000000000000000000000000000000001002");
        out.println("  park views    ./parkchain park residents|clients|tokens|offerings|levy" + rpcFlag);
        out.println("                " + base + "/api/park/residents   (also clients, tokens, offerings, levy; JSON)");
        out.println("  curl          curl -s -H 'Content-Type: application/json' -d '{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"method\":\"eth_call\",\"params\":[{\"to\":\"" + outcome.token().toHex() + "\",\"data\":\""
                + balanceOf + "\"},\"latest\"]}' " + url);
        out.println("  ethers.js     " + ethersOneLiner(outcome.token(), Genesis.devAccounts().get(3), url));
        out.println("  wallets       add network " + url + " with chain id " + node.chainId()
                + "; dev keys come from the test mnemonic");
        out.println("Ctrl-C stops the node.");
        out.flush();
    }

    /**
     * The shell line the demo prints for reading a park token's balance with ethers.js, run from the repository's
     * root. On a fresh clone {@code clients/node_modules} does not exist yet, so it installs the pinned packages
     * first (once: later runs find them).
     */
    static String ethersOneLiner(Address token, Address holder, String url) {
        return "cd clients && { [ -d node_modules/ethers ] || npm ci --no-audit --no-fund --loglevel=error; } && "
                + "node -e 'const {ethers}=require(\"ethers\");"
                + "const t=new ethers.Contract(\"" + token.toHex() + "\",[\"function balanceOf(address) view "
                + "returns (uint256)\"],new ethers.JsonRpcProvider(\"" + url + "\"));"
                + "t.balanceOf(\"" + holder.toHex() + "\").then(b=>console.log(ethers.formatUnits(b,18),\"MSL\"))'";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t) || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }
}
