package org.parkchain.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.regime.Park.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;

/** Bytecode reaching the system contracts through the EVM's native-contract hook. */
class EvmHookTest {
    private final Park park = Park.withChair();

    /**
     * A contract that calls threshold() on the registry with {@code callOpcode} and stores whether the call succeeded
     * in its slot 0: PUSH4 selector, PUSH0, MSTORE; then the call's arguments (return area 0/0, call data at 28, 4
     * bytes), GAS, the call; PUSH0, SSTORE; STOP.
     */
    private Address caller(long at, String callOpcode) {
        String selector = Hex.encodeNoPrefix(Abi.selector("threshold()"));
        String value = callOpcode.equals("f1") ? "5f" : "";
        byte[] code = Hex.decode("63" + selector + "5f52" + "5f5f6004601c" + value + "611000" + "5a" + callOpcode + "5f55" + "00");
        Address contract = Address.fromLong(at);
        park.world.allocate(contract, 1, UInt256.ZERO, code, Map.of());
        park.world.commit();
        return contract;
    }

    @Test
    void bytecodeCallsTheRegistryLikeAnyContract() {
        Address contract = caller(0xC0DE1, "f1");
        park.send(CHAIR, contract, new byte[0]).ok();
        assertThat(park.world.storage(contract, UInt256.ZERO)).isEqualTo(UInt256.ONE);
    }

    @Test
    void refusesDelegateCallIntoASystemContract() {
        Address contract = caller(0xC0DE2, "f4");
        park.send(CHAIR, contract, new byte[0]).ok();
        assertThat(park.world.storage(contract, UInt256.ZERO)).isEqualTo(UInt256.ZERO);
    }

    @Test
    void aParkTokenIsFoundByTheEvmFromItsAddressAlone() {
        Address issuer = park.admit(account(1), "Labs", Role.TOKEN_ISSUER);
        Address token = park.token(issuer, "MSL", 1000);
        assertThat(park.contracts.find(token)).isPresent();
        assertThat(park.contracts.find(account(1))).isEmpty();
        // Sent as a transaction through the EVM, not by calling the contracts directly.
        assertThat(Abi.uint(park.send(CHAIR, token, Abi.call("cap()")).ok().output(), 0)).isEqualTo(u(1000));
    }
}
