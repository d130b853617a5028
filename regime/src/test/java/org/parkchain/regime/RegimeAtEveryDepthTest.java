package org.parkchain.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.regime.Park.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.ContractAddress;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;

/**
 * Verified permissioning holds at every call depth, not only for the transaction: a contract cannot pay a blocked
 * address by CALL, CALLCODE, SELFDESTRUCT or a CREATE endowment, and cannot deploy for an origin that may not deploy.
 * Each test runs the same bytecode under open permissioning too, where it succeeds, so it shows what the rule changed.
 */
class RegimeAtEveryDepthTest {
    private static final Address BLOCKED = account(66);

    /** A contract at {@code at} with {@code code} and 10 wei; the board blocks {@link #BLOCKED} first. */
    private static Address install(Park park, long at, String code) {
        Address contract = Address.fromLong(at);
        park.world.allocate(contract, 1, UInt256.of(10), Hex.decode(code), Map.of());
        park.world.commit();
        return contract;
    }

    private static void block(Park park, Address account) {
        park.board(REGISTRY, Abi.call("blockAddress(address,bytes32)", account, Abi.hash("AML"))).ok();
    }

    private static String push20(Address a) {
        return "73" + Hex.encodeNoPrefix(a.toArray());
    }

    /** CALL(gas, to, 1 wei, no data); stores the call's success flag in slot 0. */
    private static String callWithValue(Address to) {
        return "5f5f5f5f" + "6001" + push20(to) + "5a" + "f1" + "5f55" + "00";
    }

    @Test
    void aCallWithValueToABlockedAddressFails() {
        for (PermissionPolicy.Mode mode : PermissionPolicy.Mode.values()) {
            Park park = mode == PermissionPolicy.Mode.VERIFIED ? Park.verifiedWithChair() : Park.withChair();
            block(park, BLOCKED);
            Address payer = install(park, 0xC0DE1, callWithValue(BLOCKED));
            park.send(CHAIR, payer, new byte[0]).ok();
            boolean verified = mode == PermissionPolicy.Mode.VERIFIED;
            assertThat(park.world.storage(payer, UInt256.ZERO)).as(mode.name()).isEqualTo(verified ? UInt256.ZERO : UInt256.ONE);
            assertThat(park.balance(BLOCKED)).as(mode.name()).isEqualTo(verified ? UInt256.ZERO : UInt256.ONE);
        }
    }

    @Test
    void aBlockedContractCannotReceiveValueThroughCallcode() {
        Park park = Park.verifiedWithChair();
        Address blockedContract = install(park, 0xC0DE2, "5f5f5f5f" + "6001" + push20(account(70)) + "5a" + "f2" + "5f55" + "00");
        block(park, blockedContract);
        park.send(CHAIR, blockedContract, new byte[0]).ok(); // no value: the transaction itself is allowed
        assertThat(park.world.storage(blockedContract, UInt256.ZERO)).isEqualTo(UInt256.ZERO);
        assertThat(park.balance(blockedContract)).isEqualTo(UInt256.of(10));
    }

    @Test
    void selfdestructCannotPayABlockedBeneficiary() {
        Park verified = Park.verifiedWithChair();
        block(verified, BLOCKED);
        Address contract = install(verified, 0xC0DE3, push20(BLOCKED) + "ff");
        assertThat(verified.send(CHAIR, contract, new byte[0]).succeeded()).isFalse();
        assertThat(verified.balance(BLOCKED)).isEqualTo(UInt256.ZERO);
        assertThat(verified.balance(contract)).isEqualTo(UInt256.of(10));

        Park open = Park.withChair();
        block(open, BLOCKED);
        Address same = install(open, 0xC0DE3, push20(BLOCKED) + "ff");
        open.send(CHAIR, same, new byte[0]).ok();
        assertThat(open.balance(BLOCKED)).isEqualTo(UInt256.of(10));
    }

    @Test
    void aCreateEndowmentCannotGoToABlockedAddress() {
        Park park = Park.verifiedWithChair();
        Address factory = Address.fromLong(0xC0DE4);
        // The factory's next contract (its nonce is 1) would be born at a blocked address.
        block(park, ContractAddress.forCreate(factory, 1));
        install(park, 0xC0DE4, "5f5f" + "6001" + "f0" + "5f55" + "00"); // CREATE(1 wei, empty code); slot 0 := address
        park.send(CHAIR, factory, new byte[0]).ok();
        assertThat(park.world.storage(factory, UInt256.ZERO)).isEqualTo(UInt256.ZERO);
    }

    @Test
    void contractCreationAtAnyDepthNeedsAnOriginThatMayDeploy() {
        String createEmpty = "5f5f5f" + "f0" + "5f55" + "00"; // CREATE(0 wei, empty code); slot 0 := address
        Park park = Park.verifiedWithChair();
        Address residentsFactory = install(park, 0xC0DE5, createEmpty);
        Address nonResident = account(80);
        park.send(nonResident, residentsFactory, new byte[0]).ok();
        assertThat(park.world.storage(residentsFactory, UInt256.ZERO)).isEqualTo(UInt256.ZERO);
        // The board may deploy, directly or through a contract.
        park.send(CHAIR, residentsFactory, new byte[0]).ok();
        assertThat(park.world.storage(residentsFactory, UInt256.ZERO)).isNotEqualTo(UInt256.ZERO);

        Park open = Park.withChair();
        Address anyFactory = install(open, 0xC0DE5, createEmpty);
        open.send(nonResident, anyFactory, new byte[0]).ok();
        assertThat(open.world.storage(anyFactory, UInt256.ZERO)).isNotEqualTo(UInt256.ZERO);
    }

    @Test
    void theBoardCannotBlockItsOwnMembersOrTheTreasury() {
        Park park = Park.withBoard(1, CHAIR, MEMBER_2);
        assertThat(park.board(REGISTRY, Abi.call("blockAddress(address,bytes32)", MEMBER_2, Abi.hash("x"))).reason())
                .isEqualTo("registry: cannot block board member " + MEMBER_2 + "; remove it from the board first");
        assertThat(park.board(REGISTRY, Abi.call("blockAddress(address,bytes32)", CHAIR, Abi.hash("x"))).reason())
                .contains("cannot block board member " + CHAIR);
        assertThat(park.board(REGISTRY, Abi.call("blockAddress(address,bytes32)", TREASURY, Abi.hash("x"))).reason())
                .isEqualTo("registry: cannot block the treasury " + TREASURY + "; set another treasury first");
        // Nor let a blocked address join the board.
        block(park, account(90));
        assertThat(park.board(REGISTRY, Abi.call("addBoardMember(address)", account(90))).reason())
                .contains("is blocked and cannot join the board");
    }

    @Test
    void boardMembersProposalsAndApprovalsAreNeverRefusedByThePolicy() {
        Park park = Park.withBoard(2, CHAIR, MEMBER_2);
        // A member blocked before these rules existed (written straight into the registry's storage).
        park.world.setStorage(REGISTRY, Slots.mapping(RegistryLayout.BLOCKED, MEMBER_2), UInt256.ONE);
        park.world.endTransaction();
        park.world.commit();
        PermissionPolicy verified = new PermissionPolicy(PermissionPolicy.Mode.VERIFIED);
        RegistryView registry = RegistryView.of(park.world);
        byte[] unblock = Abi.call("unblockAddress(address)", MEMBER_2);
        byte[] propose = Abi.call("propose(address,bytes)", REGISTRY, new Abi.Bytes(unblock));
        byte[] approve = Abi.call("approve(uint256)", 1L);
        assertThat(verified.check(registry, TransactionIntent.call(MEMBER_2, REGISTRY, UInt256.ZERO, propose), park.now)
                .allowed()).isTrue();
        assertThat(verified.check(registry, TransactionIntent.call(MEMBER_2, REGISTRY, UInt256.ZERO, approve), park.now)
                .allowed()).isTrue();
        // Anything else from the blocked member is still refused, and nobody else gets the exemption.
        assertThat(verified.check(registry, TransactionIntent.call(MEMBER_2, account(1), UInt256.ZERO, new byte[0]), park.now)
                .allowed()).isFalse();
        assertThat(verified.check(registry, TransactionIntent.call(account(5), REGISTRY, UInt256.ZERO, propose), park.now)
                .allowed()).isFalse();
        // And the proposal does unblock it.
        park.send(MEMBER_2, REGISTRY, propose).ok();
        park.send(CHAIR, REGISTRY, approve).ok();
        assertThat(RegistryView.of(park.world).isBlocked(MEMBER_2)).isFalse();
    }

    @Test
    void tokensCannotBeMintedToAnAddressThatCannotHoldThem() {
        Park park = Park.withChair();
        Address issuer = park.admit(account(1), "Labs", Role.TOKEN_ISSUER);
        Address token = park.token(issuer, "MSL", 1000);
        Address emptyReserved = Address.fromLong(0x10ff);
        assertThat(park.send(issuer, token, Abi.call("mint(address,uint256)", emptyReserved, u(5))).reason())
                .isEqualTo("token: recipient " + emptyReserved
                        + " is a reserved address without a system contract and cannot hold park tokens");
        assertThat(park.send(issuer, token, Abi.call("mint(address,uint256)", account(99), u(5))).reason())
                .contains("recipient " + account(99) + " is not verified");
        block(park, account(98));
        assertThat(park.send(issuer, token, Abi.call("mint(address,uint256)", account(98), u(5))).reason())
                .contains("blocked");
        park.send(issuer, token, Abi.call("mint(address,uint256)", issuer, u(5))).ok();
    }
}
