package org.parkchain.bench.evm;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One workload measured on every node of a comparison; the first node is the one the others are compared with.
 * A ratio is only given when the nodes agree on the gas of a call and on its output: otherwise they did not run the
 * same computation, and a ratio of their speeds would mean nothing.
 *
 * @param size the workload's size on the nodes (see {@link EvmWorkload#code(long)})
 */
record EthCallRun(EvmWorkload workload, long size, List<EthCallFigures> nodes) {
    EthCallRun {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no nodes measured");
        }
    }

    /** Why the nodes' figures cannot be compared, if they cannot. */
    Optional<String> disagreement() {
        EthCallFigures first = nodes.getFirst();
        for (EthCallFigures other : nodes.subList(1, nodes.size())) {
            if (other.gasPerCall() != first.gasPerCall()) {
                return Optional.of("gas per call differs: %s %,d, %s %,d".formatted(
                        first.node(), first.gasPerCall(), other.node(), other.gasPerCall()));
            }
            if (!other.output().equals(first.output())) {
                return Optional.of("output differs: %s %s, %s %s".formatted(
                        first.node(), abbreviate(first.output()), other.node(), abbreviate(other.output())));
            }
        }
        return Optional.empty();
    }

    /** The first node's Mgas/s over node {@code index}'s; empty when the nodes disagree. */
    OptionalDouble ratio(int index) {
        if (index <= 0 || index >= nodes.size()) {
            throw new IndexOutOfBoundsException("node " + index + " of " + nodes.size() + " (node 0 is the reference)");
        }
        return disagreement().isPresent() ? OptionalDouble.empty()
                : OptionalDouble.of(nodes.getFirst().mgasPerSecond() / nodes.get(index).mgasPerSecond());
    }

    private static String abbreviate(String hex) {
        return hex.length() <= 20 ? hex : hex.substring(0, 20) + "…";
    }
}
