package org.parkchain.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.regime.Park.*;

import org.junit.jupiter.api.Test;
import org.parkchain.evm.Log;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

class OfferingsTest {
    private final Park park = Park.withChair();
    private final Address issuer = park.admit(account(1), "Minsk Software Labs", Role.TOKEN_ISSUER);
    private final Address organiser = park.admit(account(2), "Capital Token Organiser", Role.ICO_ORGANISER);
    private final Address kim = account(20);   // qualified, KR
    private final Address ivan = account(21);  // non-qualified, BY
    private final Address token = park.token(issuer, "MSL", 10_000);
    private final long start = park.now + 100;
    private final long end = park.now + 1000;

    {
        park.identify(organiser, kim, ClientCategory.QUALIFIED, "KR", 0).ok();
        park.identify(organiser, ivan, ClientCategory.NON_QUALIFIED, "BY", 0).ok();
        park.fund(kim, UInt256.of(1_000_000));
        park.fund(ivan, UInt256.of(1_000_000));
    }

    /** Price 10 wei a token (decimals 0), soft cap 1,000, hard cap 5,000, non-qualified limit 2,000 wei. */
    private Park.Tx create(Address caller, Address paymentAsset, long softCap, long hardCap, long nonQualifiedLimit) {
        return park.send(caller, OFFERINGS, Abi.call(
                "createOffering(address,address,address,uint256,uint256,uint256,uint64,uint64,uint256,bytes32)",
                token, organiser, paymentAsset, 10, softCap, hardCap, start, end, nonQualifiedLimit, Abi.hash("wp")));
    }

    private long approvedOffering() {
        long id = Abi.uint(create(issuer, Address.ZERO, 1000, 5000, 2000).ok().output(), 0).toLong();
        park.send(organiser, OFFERINGS, Abi.call("approveOffering(uint256)", id)).ok();
        return id;
    }

    private Park.Tx subscribe(Address investor, long id, long tokens) {
        return park.send(investor, OFFERINGS, u(tokens * 10), Abi.call("subscribe(uint256,uint256)", id, tokens));
    }

    private Park.Tx call(Address caller, String signature, long id) {
        return park.send(caller, OFFERINGS, Abi.call(signature, id));
    }

    private OfferingState state(long id) {
        return OfferingState.values()[(int) Abi.uint(park.read(OFFERINGS, Abi.call("getOffering(uint256)", id)), 11).toLong()];
    }

    @Test
    void onlyTheTokensIssuerCreatesAnOffering() {
        assertThat(create(kim, Address.ZERO, 1000, 5000, 2000).reason())
                .isEqualTo("offering: only the token's issuer, an active resident, can offer it");
        assertThat(create(organiser, Address.ZERO, 1000, 5000, 2000).reason())
                .isEqualTo("offering: only the token's issuer, an active resident, can offer it");
        Park.Tx created = create(issuer, Address.ZERO, 1000, 5000, 2000).ok();
        assertThat(created.logs(Abi.topic("OfferingCreated(uint256,address,address,address)"))).hasSize(1);
        assertThat(Abi.uint(park.read(OFFERINGS, Abi.call("offeringCount()")), 0)).isEqualTo(u(1));
    }

    @Test
    void refusesCapsAndTimesThatMakeNoSense() {
        assertThat(create(issuer, Address.ZERO, 5001, 5000, 0).reason()).isEqualTo("offering: soft cap must not exceed hard cap");
        assertThat(create(issuer, Address.ZERO, 0, 10_001, 0).reason())
                .isEqualTo("offering: hard cap exceeds the room left under the token's cap");
        assertThat(park.send(issuer, OFFERINGS, Abi.call(
                "createOffering(address,address,address,uint256,uint256,uint256,uint64,uint64,uint256,bytes32)",
                token, organiser, Address.ZERO, 10, 1, 2, end, start, 0, Hash.ZERO)).reason())
                .isEqualTo("offering: start must be before end");
    }

    @Test
    void theHardCapIsReservedUnderTheTokensCap() {
        approvedOffering();
        assertThat(create(issuer, Address.ZERO, 0, 5001, 0).reason())
                .isEqualTo("offering: hard cap exceeds the room left under the token's cap");
        assertThat(park.send(issuer, token, Abi.call("mint(address,uint256)", kim, 5001)).reason())
                .isEqualTo("token: mint exceeds the cap (room promised to offerings included)");
        park.send(issuer, token, Abi.call("mint(address,uint256)", kim, 5000)).ok();
    }

    @Test
    void onlyTheNamedOrganiserApproves() {
        long id = Abi.uint(create(issuer, Address.ZERO, 1000, 5000, 2000).ok().output(), 0).toLong();
        Address otherOrganiser = park.admit(account(3), "Other Organiser", Role.ICO_ORGANISER);
        assertThat(call(otherOrganiser, "approveOffering(uint256)", id).reason())
                .isEqualTo("offering: only the named organiser, an active ICO organiser, can approve");
        assertThat(call(issuer, "approveOffering(uint256)", id).reason())
                .isEqualTo("offering: only the named organiser, an active ICO organiser, can approve");
        call(organiser, "approveOffering(uint256)", id).ok();
        assertThat(state(id)).isEqualTo(OfferingState.APPROVED);
        assertThat(call(organiser, "approveOffering(uint256)", id).reason()).isEqualTo("offering: offering 1 is not a draft");
    }

    @Test
    void subscriptionsAreTakenOnlyBetweenStartAndEndOfAnApprovedOffering() {
        long draft = Abi.uint(create(issuer, Address.ZERO, 1000, 5000, 2000).ok().output(), 0).toLong();
        park.now = start;
        assertThat(subscribe(kim, draft, 10).reason()).isEqualTo("offering: offering 1 is not open (not approved, or settled)");
        park.now = start - 1;
        long id = approvedOffering();
        assertThat(subscribe(kim, id, 10).reason()).isEqualTo("offering: offering 2 has not started");
        park.now = start;
        subscribe(kim, id, 10).ok();
        park.now = end;
        assertThat(subscribe(kim, id, 10).reason()).isEqualTo("offering: offering 2 has ended");
    }

    @Test
    void rejectsSubscriptionAboveNonQualifiedLimit() {
        long id = approvedOffering();
        park.now = start;
        subscribe(ivan, id, 150).ok();               // 1,500 wei of a 2,000 wei limit
        subscribe(ivan, id, 50).ok();                // exactly the limit
        assertThat(subscribe(ivan, id, 1).reason()).isEqualTo("offering: non-qualified limit exceeded");
        subscribe(kim, id, 300).ok();                // a qualified client has no such limit
        byte[] sub = park.read(OFFERINGS, Abi.call("subscriptionOf(uint256,address)", id, ivan));
        assertThat(Abi.uint(sub, 0)).isEqualTo(u(200));
        assertThat(Abi.uint(sub, 1)).isEqualTo(u(2000));
    }

    @Test
    void excludesNonQualifiedClientsWhenTheLimitIsZero() {
        long id = Abi.uint(create(issuer, Address.ZERO, 0, 5000, 0).ok().output(), 0).toLong();
        call(organiser, "approveOffering(uint256)", id).ok();
        park.now = start;
        assertThat(subscribe(ivan, id, 1).reason()).isEqualTo("offering: non-qualified clients are excluded from offering 1");
    }

    @Test
    void rejectsSubscriptionsAboveTheHardCapOrFromUnverifiedAccounts() {
        long id = approvedOffering();
        park.now = start;
        assertThat(subscribe(kim, id, 5001).reason()).isEqualTo("offering: subscription exceeds the hard cap");
        Address stranger = account(88);
        park.fund(stranger, u(1000));
        assertThat(subscribe(stranger, id, 1).reason()).isEqualTo("offering: investor " + stranger + " is not verified");
    }

    @Test
    void theCoinSentMustEqualTheCostRoundedUp() {
        long id = approvedOffering();
        park.now = start;
        assertThat(park.send(kim, OFFERINGS, u(99), Abi.call("subscribe(uint256,uint256)", id, 10)).reason())
                .isEqualTo("offering: msg.value must equal the cost, 100 wei");
        assertThat(park.send(kim, OFFERINGS, u(5), Abi.call("finalize(uint256)", id)).reason())
                .isEqualTo("offering: finalize is not payable");
        assertThat(park.balance(kim)).as("a refused subscription keeps the coin").isEqualTo(u(1_000_000));
    }

    @Test
    void costIsRoundedUpToTheNextPaymentUnit() {
        Address cents = Abi.address(park.createToken(issuer, "CNT", u(1_000_000), 2).ok().output(), 0);
        long id = Abi.uint(park.send(issuer, OFFERINGS, Abi.call(
                "createOffering(address,address,address,uint256,uint256,uint256,uint64,uint64,uint256,bytes32)",
                cents, organiser, Address.ZERO, 3, 0, 1000, start, end, 0, Hash.ZERO)).ok().output(), 0).toLong();
        call(organiser, "approveOffering(uint256)", id).ok();
        park.now = start;
        // 1 smallest unit (0.01 token) at 3 wei per whole token costs 0.03 wei, rounded up to 1 wei.
        assertThat(park.send(kim, OFFERINGS, u(0), Abi.call("subscribe(uint256,uint256)", id, 1)).reason())
                .isEqualTo("offering: msg.value must equal the cost, 1 wei");
        park.send(kim, OFFERINGS, u(1), Abi.call("subscribe(uint256,uint256)", id, 1)).ok();
    }

    @Test
    void finalizeWaitsForTheEndUnlessTheHardCapIsSold() {
        long id = approvedOffering();
        park.now = start;
        subscribe(kim, id, 4000).ok();
        assertThat(call(kim, "finalize(uint256)", id).reason())
                .isEqualTo("offering: offering 1 runs until its end or until the hard cap is sold");
        subscribe(kim, id, 1000).ok();
        call(kim, "finalize(uint256)", id).ok();
        assertThat(state(id)).isEqualTo(OfferingState.SUCCEEDED);
    }

    @Test
    void aSuccessfulOfferingPaysTheIssuerLessAnExactLevyToTheTreasury() {
        long id = approvedOffering();
        park.now = start;
        subscribe(kim, id, 1234).ok();    // 12,340 wei
        subscribe(ivan, id, 199).ok();    //  1,990 wei
        park.now = end;
        UInt256 issuerBefore = park.balance(issuer);
        Park.Tx tx = call(ivan, "finalize(uint256)", id).ok();
        // raised 14,330 wei; levy = floor(14,330 * 100 / 10,000) = 143; the issuer gets 14,187.
        assertThat(park.balance(TREASURY)).isEqualTo(u(143));
        assertThat(park.balance(issuer).sub(issuerBefore)).isEqualTo(u(14_187));
        assertThat(park.balance(OFFERINGS)).isEqualTo(UInt256.ZERO);
        Log levy = tx.logs(Abi.topic("LevyPaid(address,address,uint256,uint256,bytes32)")).get(0);
        assertThat(levy.address()).isEqualTo(REGISTRY);
        assertThat(levy.topics()).containsExactly(Abi.topic("LevyPaid(address,address,uint256,uint256,bytes32)"),
                Hash.wrap(issuer.toWord()), Hash.wrap(Address.ZERO.toWord()));
        assertThat(Abi.uint(levy.data(), 0)).isEqualTo(u(14_330));
        assertThat(Abi.uint(levy.data(), 1)).isEqualTo(u(143));
        assertThat(Abi.uint(park.read(REGISTRY, Abi.call("levyPaid(address,address)", issuer, Address.ZERO)), 0)).isEqualTo(u(143));
        Log finalized = tx.logs(Abi.topic("OfferingFinalized(uint256,bool,uint256,uint256,uint256)")).get(0);
        assertThat(Abi.bool(finalized.data(), 0)).isTrue();
        assertThat(Abi.uint(finalized.data(), 3)).isEqualTo(u(143));
    }

    @Test
    void levyRoundsDownAndTheTwoPartsAddUpToTheRevenue() {
        Levy levy = Levy.on(u(14_399), 100);
        assertThat(levy.levy()).isEqualTo(u(143));
        assertThat(levy.net()).isEqualTo(u(14_256));
        assertThat(Levy.on(u(99), 100).levy()).isEqualTo(UInt256.ZERO);
        assertThat(Levy.on(UInt256.MAX, 10_000).net()).isEqualTo(UInt256.ZERO);
        assertThat(Levy.on(UInt256.MAX, 1).levy()).isEqualTo(UInt256.of(UInt256.MAX.toBigInteger().divide(java.math.BigInteger.valueOf(10_000))));
    }

    @Test
    void subscribersClaimTheirTokensOnceAfterSuccess() {
        long id = approvedOffering();
        park.now = start;
        subscribe(kim, id, 1500).ok();
        assertThat(call(kim, "claim(uint256)", id).reason()).isEqualTo("offering: offering 1 is not settled yet");
        park.now = end;
        call(kim, "finalize(uint256)", id).ok();
        Park.Tx claimed = call(kim, "claim(uint256)", id).ok();
        assertThat(claimed.logs(Abi.topic("Claimed(uint256,address,uint256)"))).hasSize(1);
        assertThat(park.tokenBalance(token, kim)).isEqualTo(u(1500));
        assertThat(call(kim, "claim(uint256)", id).reason()).isEqualTo("offering: " + kim + " has already claimed from offering 1");
        assertThat(call(ivan, "claim(uint256)", id).reason()).isEqualTo("offering: " + ivan + " has no subscription in offering 1");
        // The unsold 3,500 went back under the cap: the issuer may mint 10,000 - 1,500 now.
        park.send(issuer, token, Abi.call("mint(address,uint256)", kim, 8500)).ok();
    }

    @Test
    void aFailedOfferingRefundsEachSubscriberOnce() {
        long id = approvedOffering();
        park.now = start;
        subscribe(kim, id, 500).ok();
        park.now = end;
        Park.Tx tx = call(kim, "finalize(uint256)", id).ok();
        assertThat(Abi.bool(tx.logs(Abi.topic("OfferingFinalized(uint256,bool,uint256,uint256,uint256)")).get(0).data(), 0)).isFalse();
        assertThat(state(id)).isEqualTo(OfferingState.FAILED);
        call(kim, "claim(uint256)", id).ok();
        assertThat(park.balance(kim)).isEqualTo(u(1_000_000));
        assertThat(park.tokenBalance(token, kim)).isEqualTo(UInt256.ZERO);
        assertThat(call(kim, "claim(uint256)", id).reason()).startsWith("offering: " + kim + " has already claimed");
        assertThat(park.balance(TREASURY)).as("no levy on a failure").isEqualTo(UInt256.ZERO);
    }

    @Test
    void theIssuerCancelsOnlyBeforeTheStartAndTheBoardUntilFinalize() {
        long early = approvedOffering();
        call(issuer, "cancelOffering(uint256)", early).ok();
        assertThat(state(early)).isEqualTo(OfferingState.CANCELLED);

        long id = approvedOffering();
        park.now = start;
        subscribe(kim, id, 700).ok();
        assertThat(call(issuer, "cancelOffering(uint256)", id).reason())
                .isEqualTo("offering: the issuer can cancel only before the start; after it only the board can");
        assertThat(call(kim, "cancelOffering(uint256)", id).reason())
                .isEqualTo("offering: only the issuer, or the board through a proposal, can cancel");
        park.board(OFFERINGS, Abi.call("cancelOffering(uint256)", id)).ok();
        assertThat(state(id)).isEqualTo(OfferingState.CANCELLED);
        assertThat(call(kim, "claim(uint256)", id).logs(Abi.topic("Refunded(uint256,address,uint256)"))).hasSize(1);
        assertThat(park.balance(kim)).isEqualTo(u(1_000_000));
        assertThat(park.board(OFFERINGS, Abi.call("cancelOffering(uint256)", id)).reason())
                .isEqualTo("offering: offering 2 is already finalized or cancelled");
    }

    @Test
    void anOfferingPaidInAParkTokenTakesItWithTransferFromAndLeviesInThatToken() {
        Address stable = park.token(issuer, "BYNX", 1_000_000);
        park.send(issuer, stable, Abi.call("mint(address,uint256)", kim, 50_000)).ok();
        long id = Abi.uint(create(issuer, stable, 100, 5000, 0).ok().output(), 0).toLong();
        call(organiser, "approveOffering(uint256)", id).ok();
        park.now = start;
        assertThat(park.send(kim, OFFERINGS, Abi.call("subscribe(uint256,uint256)", id, 1000)).reason())
                .isEqualTo("token: transfer amount exceeds allowance");
        park.send(kim, stable, Abi.call("approve(address,uint256)", OFFERINGS, 10_000)).ok();
        assertThat(park.send(kim, OFFERINGS, u(1), Abi.call("subscribe(uint256,uint256)", id, 1000)).reason())
                .isEqualTo("offering: offering 1 is paid in a park token; send no coin");
        park.send(kim, OFFERINGS, Abi.call("subscribe(uint256,uint256)", id, 1000)).ok();
        assertThat(park.tokenBalance(stable, OFFERINGS)).isEqualTo(u(10_000));
        park.now = end;
        call(kim, "finalize(uint256)", id).ok();
        assertThat(park.tokenBalance(stable, TREASURY)).isEqualTo(u(100));
        assertThat(park.tokenBalance(stable, issuer)).isEqualTo(u(9_900));
        assertThat(Abi.uint(park.read(REGISTRY, Abi.call("levyPaid(address,address)", issuer, stable)), 0)).isEqualTo(u(100));
    }
}
