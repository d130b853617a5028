package org.parkchain.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.regime.Park.*;

import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;

class ClientTest {
    private final Park park = Park.withChair();
    private final Address organiser = park.admit(account(1), "Capital Token Organiser", Role.ICO_ORGANISER | Role.PLATFORM_OPERATOR);
    private final Address investor = account(20);

    @Test
    void anOperatorIdentifiesAClientWhoIsThenVerified() {
        assertThat(park.isVerified(investor)).isFalse();
        Park.Tx tx = park.identify(organiser, investor, ClientCategory.QUALIFIED, "KR", 0).ok();
        assertThat(tx.logs(Abi.topic("ClientRegistered(address,address,uint8,bytes2)"))).hasSize(1);
        assertThat(park.isVerified(investor)).isTrue();
        byte[] client = park.read(REGISTRY, Abi.call("getClient(address)", investor));
        assertThat(Abi.uint(client, 0).toLong()).isEqualTo(ClientCategory.QUALIFIED.ordinal());
        assertThat(Abi.fixedBytes(client, 2, 2)).isEqualTo("KR".getBytes());
        assertThat(Abi.address(client, 4)).isEqualTo(organiser);
    }

    @Test
    void clientRegistrationNeedsAnOperatorRole() {
        Address issuer = park.admit(account(2), "Issuer", Role.TOKEN_ISSUER);
        assertThat(park.identify(issuer, investor, ClientCategory.QUALIFIED, "KR", 0).reason())
                .isEqualTo("registry: only an active ICO organiser, platform operator or exchange office can register clients");
        assertThat(park.identify(account(3), investor, ClientCategory.QUALIFIED, "KR", 0).reason())
                .startsWith("registry: only an active ICO organiser");
    }

    @Test
    void anExpiredIdentificationNoLongerVerifies() {
        park.identify(organiser, investor, ClientCategory.NON_QUALIFIED, "BY", park.now + 3600).ok();
        assertThat(park.isVerified(investor)).isTrue();
        park.now += 3600;
        assertThat(park.isVerified(investor)).isFalse();
    }

    @Test
    void refusesAnIdentificationThatHasAlreadyExpired() {
        assertThat(park.identify(organiser, investor, ClientCategory.QUALIFIED, "KR", park.now).reason())
                .isEqualTo("registry: identification already expired");
    }

    @Test
    void refusesACategoryOfNoneAndAMalformedCountry() {
        assertThat(park.identify(organiser, investor, ClientCategory.NONE, "KR", 0).reason())
                .isEqualTo("registry: client category must be NonQualified or Qualified");
        assertThat(park.identify(organiser, investor, ClientCategory.QUALIFIED, "kr", 0).reason())
                .startsWith("registry: country must be an ISO 3166-1 alpha-2 code");
    }

    @Test
    void onlyTheVerifierOrTheBoardRemovesAClient() {
        park.identify(organiser, investor, ClientCategory.QUALIFIED, "KR", 0).ok();
        Address otherOperator = park.admit(account(4), "Exchange", Role.EXCHANGE_OFFICE);
        assertThat(park.send(otherOperator, REGISTRY, Abi.call("removeClient(address)", investor)).reason())
                .isEqualTo("registry: only the verifying resident or the board can remove a client");
        park.send(organiser, REGISTRY, Abi.call("removeClient(address)", investor)).ok();
        assertThat(park.isVerified(investor)).isFalse();

        park.identify(organiser, investor, ClientCategory.QUALIFIED, "KR", 0).ok();
        park.board(REGISTRY, Abi.call("removeClient(address)", investor)).ok();
        assertThat(park.isVerified(investor)).isFalse();
    }

    @Test
    void aBlockedClientIsNotVerifiedUntilUnblocked() {
        park.identify(organiser, investor, ClientCategory.QUALIFIED, "KR", 0).ok();
        park.board(REGISTRY, Abi.call("blockAddress(address,bytes32)", investor, Abi.hash("sanctions"))).ok();
        assertThat(park.isVerified(investor)).isFalse();
        assertThat(park.identify(organiser, account(21), ClientCategory.QUALIFIED, "KR", 0).succeeded()).isTrue();
        park.board(REGISTRY, Abi.call("unblockAddress(address)", investor)).ok();
        assertThat(park.isVerified(investor)).isTrue();
    }

    @Test
    void refusesBlockingASystemContractOrBlockingTwice() {
        assertThat(park.board(REGISTRY, Abi.call("blockAddress(address,bytes32)", OFFERINGS, Abi.hash("x"))).reason())
                .isEqualTo("registry: cannot block " + OFFERINGS);
        park.board(REGISTRY, Abi.call("blockAddress(address,bytes32)", investor, Abi.hash("x"))).ok();
        assertThat(park.board(REGISTRY, Abi.call("blockAddress(address,bytes32)", investor, Abi.hash("x"))).reason())
                .isEqualTo("registry: " + investor + " is already blocked");
        assertThat(park.identify(organiser, investor, ClientCategory.QUALIFIED, "KR", 0).reason())
                .isEqualTo("registry: " + investor + " is blocked");
    }

    @Test
    void theBoardSetsTheLevyRateAndTreasury() {
        assertThat(Abi.uint(park.read(REGISTRY, Abi.call("levyRateBps()")), 0).toLong()).isEqualTo(100);
        park.board(REGISTRY, Abi.call("setLevyRateBps(uint256)", 250)).ok();
        park.board(REGISTRY, Abi.call("setTreasury(address)", account(99))).ok();
        assertThat(Abi.uint(park.read(REGISTRY, Abi.call("levyRateBps()")), 0).toLong()).isEqualTo(250);
        assertThat(Abi.address(park.read(REGISTRY, Abi.call("treasury()")), 0)).isEqualTo(account(99));
    }
}
