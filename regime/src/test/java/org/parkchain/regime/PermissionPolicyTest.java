package org.parkchain.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.regime.Park.*;

import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

class PermissionPolicyTest {
    private final Park park = Park.withChair();
    private final PermissionPolicy verified = new PermissionPolicy(PermissionPolicy.Mode.VERIFIED);
    private final PermissionPolicy open = new PermissionPolicy(PermissionPolicy.Mode.OPEN);
    private final Address stranger = account(50);
    private final byte[] apply = Abi.call("applyForResidency(string,bytes32,bytes32)", "Labs", Abi.hash("r"), Abi.hash("p"));

    private Permission check(PermissionPolicy policy, TransactionIntent tx) {
        return policy.check(RegistryView.of(park.world), tx, park.now);
    }

    @Test
    void verifiedModeRefusesUnverifiedSendersButLetsAnyoneApplyForResidency() {
        assertThat(check(verified, TransactionIntent.call(stranger, account(51), UInt256.ONE, new byte[0])))
                .isInstanceOf(Permission.Refused.class);
        assertThat(check(verified, TransactionIntent.call(stranger, REGISTRY, UInt256.ZERO, apply)).allowed()).isTrue();
        assertThat(check(verified, TransactionIntent.call(stranger, OFFERINGS, UInt256.ZERO, apply)).allowed()).isFalse();
        assertThat(check(open, TransactionIntent.call(stranger, account(51), UInt256.ONE, new byte[0])).allowed()).isTrue();
    }

    @Test
    void onlyBoardMembersAndActiveResidentsDeployContracts() {
        Address organiser = park.admit(account(2), "Organiser", Role.ICO_ORGANISER);
        Address client = account(20);
        park.identify(organiser, client, ClientCategory.QUALIFIED, "KR", 0).ok();
        assertThat(check(verified, TransactionIntent.creation(CHAIR, UInt256.ZERO, new byte[] {0})).allowed()).isTrue();
        assertThat(check(verified, TransactionIntent.creation(organiser, UInt256.ZERO, new byte[] {0})).allowed()).isTrue();
        assertThat(check(verified, TransactionIntent.call(client, organiser, UInt256.ONE, new byte[0])).allowed()).isTrue();
        assertThat(check(verified, TransactionIntent.creation(client, UInt256.ZERO, new byte[] {0})))
                .isEqualTo(new Permission.Refused("permissioning: only board members and active residents' accounts may deploy contracts"));
    }

    @Test
    void blockedAddressesNeitherSendNorReceiveValue() {
        Address organiser = park.admit(account(2), "Organiser", Role.ICO_ORGANISER);
        park.board(REGISTRY, Abi.call("blockAddress(address,bytes32)", organiser, Abi.hash("AML"))).ok();
        assertThat(check(verified, TransactionIntent.call(organiser, CHAIR, UInt256.ZERO, new byte[0])))
                .isEqualTo(new Permission.Refused("permissioning: sender " + organiser + " is blocked"));
        assertThat(check(verified, TransactionIntent.call(CHAIR, organiser, UInt256.ONE, new byte[0])))
                .isEqualTo(new Permission.Refused("permissioning: recipient " + organiser + " is blocked and cannot receive value"));
        assertThat(check(verified, TransactionIntent.call(CHAIR, organiser, UInt256.ZERO, new byte[0])).allowed()).isTrue();
    }

    @Test
    void anExpiredClientMayNoLongerTransact() {
        Address organiser = park.admit(account(2), "Organiser", Role.ICO_ORGANISER);
        Address client = account(20);
        park.identify(organiser, client, ClientCategory.NON_QUALIFIED, "BY", park.now + 10).ok();
        TransactionIntent tx = TransactionIntent.call(client, organiser, UInt256.ZERO, new byte[0]);
        assertThat(check(verified, tx).allowed()).isTrue();
        park.now += 10;
        assertThat(check(verified, tx).allowed()).isFalse();
    }

    @Test
    void parsesTheCommandLineSpelling() {
        assertThat(PermissionPolicy.Mode.parse("open")).isEqualTo(PermissionPolicy.Mode.OPEN);
        assertThat(PermissionPolicy.Mode.parse("verified")).isEqualTo(PermissionPolicy.Mode.VERIFIED);
    }
}
