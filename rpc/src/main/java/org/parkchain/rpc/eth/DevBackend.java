package org.parkchain.rpc.eth;

import java.util.Collection;
import java.util.function.Consumer;
import org.parkchain.primitives.Address;
import org.parkchain.state.WorldState;

/**
 * What the development controls ({@link DevMethods}) need from a {@code --dev} node: mining on demand, its clock,
 * snapshots, automine, and state edits. The node implements it over its dev chain; a node that is not a development
 * chain has none, and the methods refuse.
 */
public interface DevBackend {
    /** Mines one block now (with the pool's transactions, if any); answers its number. */
    long mine();

    /** Mines one block with this timestamp, which must be after the head's. */
    long mineAt(long epochSeconds);

    /** Mines {@code count} blocks {@code intervalSeconds} apart. */
    void mine(long count, long intervalSeconds);

    /** Moves the clock ahead; answers the total offset from the wall clock in seconds. */
    long increaseTime(long seconds);

    /** The next block's timestamp, after the head's. */
    void setNextBlockTimestamp(long epochSeconds);

    long snapshot();

    /** @return false when there is no such snapshot */
    boolean revert(long id);

    void setAutomine(boolean on);

    boolean automine();

    /** Applies {@code edit} to the head's state and commits it (as a block without transactions). */
    void edit(Consumer<WorldState> edit, Collection<Address> touched);
}
