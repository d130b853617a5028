package org.parkchain.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.regime.Park.*;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.evm.HaltReason;
import org.parkchain.primitives.abi.AbiError;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

/**
 * Whatever bytes reach a system contract, the answer is a success, a revert with a reason, or a halt the EVM knows —
 * never a Java exception — and a call that fails leaves the state root exactly as it was.
 */
class CallDataFuzzTest {
    private static final List<String> SIGNATURES = List.of(
            "boardMembers()", "threshold()", "propose(address,bytes)", "approve(uint256)", "proposal(uint256)",
            "addBoardMember(address)", "removeBoardMember(address)", "setThreshold(uint256)",
            "applyForResidency(string,bytes32,bytes32)", "admitResident(address,uint256)", "setRoles(address,uint256)",
            "suspendResident(address,bytes32)", "reinstateResident(address)", "revokeResident(address,bytes32)",
            "addAccount(address)", "removeAccount(address)", "residentOf(address)", "getResident(address)", "residents()",
            "hasRole(address,uint256)", "registerClient(address,uint8,bool,bytes2,bytes32,uint64)", "removeClient(address)",
            "getClient(address)", "isVerified(address)", "blockAddress(address,bytes32)", "unblockAddress(address)",
            "isBlocked(address)", "treasury()", "levyRateBps()", "setLevyRateBps(uint256)", "setTreasury(address)",
            "levyPaid(address,address)",
            "createToken(string,string,uint8,uint256,uint8,bytes32)", "tokens()", "issuerOf(address)",
            "name()", "symbol()", "decimals()", "totalSupply()", "balanceOf(address)", "transfer(address,uint256)",
            "allowance(address,address)", "approve(address,uint256)", "transferFrom(address,address,uint256)", "issuer()",
            "cap()", "kind()", "whitePaperHash()", "mint(address,uint256)", "burn(uint256)", "setFrozen(address,bool)",
            "forcedTransfer(address,address,uint256)", "isFrozen(address)",
            "createOffering(address,address,address,uint256,uint256,uint256,uint64,uint64,uint256,bytes32)",
            "approveOffering(uint256)", "cancelOffering(uint256)", "subscribe(uint256,uint256)", "finalize(uint256)",
            "claim(uint256)", "offeringCount()", "getOffering(uint256)", "subscriptionOf(uint256,address)",
            "createMarket(address,address,uint256,uint256,uint256,uint256,bool,bool)", "setFees(uint256,uint256,uint256)",
            "setHalted(uint256,bool)", "placeOrder(uint256,uint8,uint256,uint256,uint8)", "cancelOrder(uint256)",
            "marketCount()", "getMarket(uint256)", "getOrder(uint256)", "openOrders(uint256,address)",
            "depth(uint256,uint8,uint256)");

    /** One park with residents, clients, a token with holders and an open offering, shared by all tries. */
    private static final Park PARK = Park.withChair();
    private static final Address ISSUER = PARK.admit(account(1), "Labs", Role.TOKEN_ISSUER);
    private static final Address ORGANISER = PARK.admit(account(2), "Organiser", Role.ICO_ORGANISER | Role.PLATFORM_OPERATOR);
    private static final Address INVESTOR = account(20);
    private static final Address TOKEN;

    static {
        PARK.identify(ORGANISER, INVESTOR, ClientCategory.QUALIFIED, "KR", 0).ok();
        TOKEN = PARK.token(ISSUER, "MSL", 1_000_000);
        PARK.send(ISSUER, TOKEN, Abi.call("mint(address,uint256)", INVESTOR, 1000)).ok();
        PARK.send(ISSUER, OFFERINGS, Abi.call(
                "createOffering(address,address,address,uint256,uint256,uint256,uint64,uint64,uint256,bytes32)",
                TOKEN, ORGANISER, Address.ZERO, 10, 0, 5000, PARK.now, PARK.now + 1000, 100, Hash.ZERO)).ok();
        PARK.send(ORGANISER, OFFERINGS, Abi.call("approveOffering(uint256)", 1)).ok();
        // A market with resting orders on both sides, so order and cancel calls reach the book.
        PARK.send(ORGANISER, EXCHANGE, Abi.call("createMarket(address,address,uint256,uint256,uint256,uint256,bool,bool)",
                TOKEN, Address.ZERO, 1, 1, 30, 50, false, false)).ok();
        PARK.send(INVESTOR, TOKEN, Abi.call("approve(address,uint256)", EXCHANGE, UInt256.MAX)).ok();
        PARK.fund(INVESTOR, UInt256.of(1_000_000));
        PARK.send(INVESTOR, EXCHANGE, Abi.call("placeOrder(uint256,uint8,uint256,uint256,uint8)", 1, 1, 3, 2, 0)).ok();
        PARK.send(INVESTOR, EXCHANGE, UInt256.of(10), Abi.call("placeOrder(uint256,uint8,uint256,uint256,uint8)", 1, 0, 1, 2, 0)).ok();
    }

    @Provide
    Arbitrary<Address> targets() {
        return Arbitraries.of(REGISTRY, FACTORY, OFFERINGS, EXCHANGE, TOKEN);
    }

    @Provide
    Arbitrary<Address> callers() {
        return Arbitraries.of(CHAIR, ISSUER, ORGANISER, INVESTOR, account(99), REGISTRY, OFFERINGS, EXCHANGE);
    }

    /** A known selector followed by argument words that are small numbers, our addresses, or noise, then cut short. */
    @Provide
    Arbitrary<byte[]> inputs() {
        Arbitrary<byte[]> word = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 3).map(v -> UInt256.of(v).toBytes32()),
                Arbitraries.of(CHAIR, ISSUER, INVESTOR, REGISTRY, TOKEN, OFFERINGS, EXCHANGE).map(Address::toWord),
                Arbitraries.bytes().array(byte[].class).ofSize(32),
                Arbitraries.of(UInt256.of(32).toBytes32(), UInt256.of(64).toBytes32(), UInt256.MAX.toBytes32()));
        Arbitrary<byte[]> structured = Combinators.combine(
                Arbitraries.of(SIGNATURES), word.list().ofMaxSize(12), Arbitraries.integers().between(0, 40))
                .as((signature, words, cut) -> {
                    byte[] out = Abi.selector(signature);
                    for (byte[] w : words) {
                        out = concat(out, w);
                    }
                    return Arrays.copyOf(out, Math.max(0, out.length - cut));
                });
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, structured), net.jqwik.api.Tuple.of(1, noise));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Property(tries = 800)
    void noInputEscapesAsAnExceptionAndAFailedCallChangesNothing(
            @ForAll("targets") Address target, @ForAll("callers") Address caller, @ForAll("inputs") byte[] input) {
        Hash before = PARK.stateRoot();
        ExecutionResult result = PARK.contracts.call(PARK.world, caller, target, UInt256.ZERO, input, 1_000_000, false, PARK.block());
        if (result.outcome() == ExecutionResult.Outcome.HALT) {
            assertThat(result.haltReason()).as(result.haltDetail()).isNotEqualTo(HaltReason.NATIVE_CONTRACT_FAILURE);
        }
        if (result.outcome() == ExecutionResult.Outcome.REVERT) {
            assertThat(result.output()).startsWith((byte) 0x08, (byte) 0xc3, (byte) 0x79, (byte) 0xa0);
            assertThat(AbiError.ERROR.decode(result.output()).orElseThrow().string(0)).isNotBlank();
        }
        if (!result.isSuccess()) {
            assertThat(PARK.stateRoot()).isEqualTo(before);
        }
        PARK.stateRoot();
    }
}
