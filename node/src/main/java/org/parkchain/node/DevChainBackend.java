package org.parkchain.node;

import java.util.Collection;
import java.util.function.Consumer;
import org.parkchain.consensus.DevChain;
import org.parkchain.primitives.Address;
import org.parkchain.rpc.eth.DevBackend;
import org.parkchain.state.WorldState;

/** The development controls' view of a {@code --dev} node: its {@link DevChain}. */
final class DevChainBackend implements DevBackend {
    private final DevChain dev;

    DevChainBackend(DevChain dev) {
        this.dev = dev;
    }

    @Override
    public long mine() {
        return dev.mine().number();
    }

    @Override
    public long mineAt(long epochSeconds) {
        return dev.mineAt(epochSeconds).number();
    }

    @Override
    public void mine(long count, long intervalSeconds) {
        dev.mine(count, intervalSeconds);
    }

    @Override
    public long increaseTime(long seconds) {
        return dev.increaseTime(seconds);
    }

    @Override
    public void setNextBlockTimestamp(long epochSeconds) {
        dev.setNextBlockTimestamp(epochSeconds);
    }

    @Override
    public long snapshot() {
        return dev.snapshot();
    }

    @Override
    public boolean revert(long id) {
        return dev.revert(id);
    }

    @Override
    public void setAutomine(boolean on) {
        dev.setAutomine(on);
    }

    @Override
    public boolean automine() {
        return dev.automine();
    }

    @Override
    public void edit(Consumer<WorldState> edit, Collection<Address> touched) {
        dev.edit(edit, touched);
    }
}
