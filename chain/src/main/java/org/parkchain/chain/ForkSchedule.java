package org.parkchain.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parkchain.evm.Fork;

/**
 * Which fork rules each block, by its timestamp, as a genesis file's {@code pragueTime} and {@code osakaTime} say (geth's
 * chain-config style): a block is executed, built and checked under the latest fork whose activation time is not after
 * its own. Cancun is in force from genesis; a fork without a time never activates.
 */
public record ForkSchedule(List<Activation> activations) {
    /** A fork and the first block timestamp it rules. */
    public record Activation(Fork fork, long timestamp) {}

    public ForkSchedule {
        activations = List.copyOf(activations);
        if (activations.isEmpty() || activations.get(0).timestamp() != 0) {
            throw new IllegalArgumentException("a fork schedule starts with a fork active from timestamp 0");
        }
        for (int i = 1; i < activations.size(); i++) {
            if (activations.get(i).timestamp() < activations.get(i - 1).timestamp()) {
                throw new IllegalArgumentException(activations.get(i).fork().name() + " is scheduled at "
                        + activations.get(i).timestamp() + ", before " + activations.get(i - 1).fork().name() + " at "
                        + activations.get(i - 1).timestamp());
            }
        }
    }

    /** One fork from genesis on. */
    public static ForkSchedule of(Fork fork) {
        return new ForkSchedule(List.of(new Activation(fork, 0)));
    }

    /** Cancun, then Prague and Osaka at the given times where they are given (Osaka needs Prague). */
    public static ForkSchedule of(Optional<Long> pragueTime, Optional<Long> osakaTime) {
        if (osakaTime.isPresent() && pragueTime.isEmpty()) {
            throw new IllegalArgumentException("osakaTime needs pragueTime: Osaka builds on Prague");
        }
        List<Activation> out = new ArrayList<>();
        out.add(new Activation(Fork.CANCUN, 0));
        pragueTime.ifPresent(t -> out.add(new Activation(Fork.PRAGUE, t)));
        osakaTime.ifPresent(t -> out.add(new Activation(Fork.OSAKA, t)));
        return new ForkSchedule(out);
    }

    /** The fork in force for a block with this timestamp. */
    public Fork forkAt(long timestamp) {
        Fork fork = activations.get(0).fork();
        for (Activation a : activations) {
            if (a.timestamp() <= timestamp) fork = a.fork();
        }
        return fork;
    }

    /** When {@code fork} activates, if it is scheduled at all. */
    public Optional<Long> activationOf(Fork fork) {
        return activations.stream().filter(a -> a.fork().equals(fork)).map(Activation::timestamp).findFirst();
    }

    /** The next activation after {@code timestamp}, if one is scheduled. */
    public Optional<Activation> nextAfter(long timestamp) {
        return activations.stream().filter(a -> a.timestamp() > timestamp).findFirst();
    }
}
