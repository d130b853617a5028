package org.parkchain.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.regime.Park.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;

/** How a call to a system contract behaves as a call: selectors, value, static calls, gas, revert data. */
class SystemCallTest {
    private final Park park = Park.withChair();

    private ExecutionResult raw(Address to, UInt256 value, byte[] input, long gas, boolean isStatic) {
        return park.contracts.call(park.world, CHAIR, to, value, input, gas, isStatic, park.block());
    }

    @Test
    void genesisInstallsMarkerCodeAtTheSystemAddressesAndTheBoard() {
        for (Address system : List.of(REGISTRY, FACTORY, OFFERINGS, EXCHANGE)) {
            assertThat(park.world.code(system)).isEqualTo(SystemContracts.MARKER_CODE).isNotEmpty();
            assertThat(park.contracts.at(park.world, system)).isPresent();
        }
        assertThat(park.contracts.at(park.world, Address.fromLong(0x1004))).isEmpty();
        assertThat(park.contracts.at(park.world, account(1))).isEmpty();
        assertThat(Abi.addresses(park.read(REGISTRY, Abi.call("boardMembers()")))).containsExactly(CHAIR);
        assertThat(Abi.address(park.read(REGISTRY, Abi.call("treasury()")), 0)).isEqualTo(TREASURY);
    }

    @Test
    void revertDataIsAnErrorStringWithTheContractsReason() {
        ExecutionResult r = raw(REGISTRY, UInt256.ZERO, Abi.call("approve(uint256)", 1), GAS, false);
        assertThat(r.outcome()).isEqualTo(ExecutionResult.Outcome.REVERT);
        assertThat(Hex.encode(r.output())).startsWith("0x08c379a0");
        assertThat(Abi.string(java.util.Arrays.copyOfRange(r.output(), 4, r.output().length), 0))
                .isEqualTo("registry: no proposal 1");
    }

    @Test
    void refusesAnUnknownSelectorAndShortCallData() {
        assertThat(park.send(CHAIR, REGISTRY, Hex.decode("0xdeadbeef")).reason()).isEqualTo("registry: unknown function selector 0xdeadbeef");
        assertThat(park.send(CHAIR, OFFERINGS, Hex.decode("0x01")).reason()).isEqualTo("offering: call data shorter than a 4-byte selector");
        assertThat(park.send(CHAIR, FACTORY, Abi.selector("issuerOf(address)")).reason())
                .isEqualTo("token factory: malformed call data for issuerOf(address): argument 0 is missing");
    }

    @Test
    void refusesAnAddressArgumentWithDirtyHighBits() {
        byte[] call = Abi.call("isBlocked(address)", account(1));
        call[4] = 1;
        assertThat(park.send(CHAIR, REGISTRY, call).reason())
                .isEqualTo("registry: malformed call data for isBlocked(address): argument 0 is not an address");
    }

    @Test
    void refusesAnEnumBeyondItsMembersAndAStringThatIsNotUtf8() {
        byte[] client = Abi.call("registerClient(address,uint8,bool,bytes2,bytes32,uint64)",
                account(30), ClientCategory.QUALIFIED, false, new Abi.Country("KR"), Abi.hash("kyc"), 0L);
        client[4 + 32 + 31] = (byte) ClientCategory.values().length;
        assertThat(park.send(CHAIR, REGISTRY, client).reason()).isEqualTo("registry: malformed call data for "
                + "registerClient(address,uint8,bool,bytes2,bytes32,uint64): argument 1 is not a valid client category");

        byte[] apply = Abi.call("applyForResidency(string,bytes32,bytes32)", "ab", Abi.hash("r"), Abi.hash("p"));
        apply[4 + 4 * 32] = (byte) 0xc3; // "ab" becomes 0xc3 0x62: a lead byte without its continuation
        assertThat(park.send(account(31), REGISTRY, apply).reason()).isEqualTo("registry: malformed call data for "
                + "applyForResidency(string,bytes32,bytes32): argument 0 is not valid UTF-8");
    }

    @Test
    void refusesValueSentToANonPayableFunctionOrAsAPlainTransfer() {
        park.fund(CHAIR, u(100));
        assertThat(park.send(CHAIR, REGISTRY, u(1), Abi.call("threshold()")).reason()).isEqualTo("registry: threshold is not payable");
        assertThat(park.send(CHAIR, REGISTRY, u(1), new byte[0]).reason()).isEqualTo("registry: does not accept plain transfers of coin");
        assertThat(park.balance(CHAIR)).isEqualTo(u(100));
    }

    @Test
    void aStateChangeInAStaticCallHaltsAndChangesNothing() {
        var before = park.stateRoot();
        ExecutionResult r = raw(REGISTRY, UInt256.ZERO, Abi.call("propose(address,bytes)", REGISTRY,
                new Abi.Bytes(Abi.call("setLevyRateBps(uint256)", 5))), 100_000, true);
        assertThat(r.outcome()).isEqualTo(ExecutionResult.Outcome.HALT);
        assertThat(r.haltReason()).isEqualTo(org.parkchain.evm.HaltReason.STATE_CHANGE_IN_STATIC_CALL);
        assertThat(r.gasLeft()).isZero();
        assertThat(park.stateRoot()).isEqualTo(before);
        assertThat(raw(REGISTRY, UInt256.ZERO, Abi.call("levyRateBps()"), 100_000, true).isSuccess()).isTrue();
    }

    @Test
    void runningOutOfGasHaltsUsingAllGasAndUndoesEverything() {
        var before = park.stateRoot();
        byte[] apply = Abi.call("applyForResidency(string,bytes32,bytes32)", "Labs", Abi.hash("r"), Abi.hash("p"));
        ExecutionResult starved = park.contracts.call(park.world, account(1), REGISTRY, UInt256.ZERO, apply, 30_000, false, park.block());
        assertThat(starved.outcome()).isEqualTo(ExecutionResult.Outcome.HALT);
        assertThat(starved.haltReason()).isEqualTo(org.parkchain.evm.HaltReason.OUT_OF_GAS);
        assertThat(starved.gasLeft()).isZero();
        assertThat(park.stateRoot()).isEqualTo(before);
        ExecutionResult fed = park.contracts.call(park.world, account(1), REGISTRY, UInt256.ZERO, apply, 300_000, false, park.block());
        assertThat(fed.isSuccess()).isTrue();
        // Nine slots set from zero (status, name length and word, numbers, dates, binding, list) at 22,100 each.
        assertThat(300_000 - fed.gasLeft()).isBetween(150_000L, 250_000L);
    }

    @Test
    void stateLivesInTheWorldSoAFreshInstanceSeesIt() {
        park.admit(account(1), "Labs", Role.TOKEN_ISSUER);
        SystemContracts restarted = new SystemContracts();
        ExecutionResult r = restarted.call(park.world, CHAIR, REGISTRY, UInt256.ZERO, Abi.call("isVerified(address)", account(1)),
                GAS, true, park.block());
        assertThat(Abi.bool(r.output(), 0)).isTrue();
    }
}
