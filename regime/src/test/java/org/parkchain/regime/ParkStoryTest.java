package org.parkchain.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.regime.Park.*;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/** DESIGN.md's story of the park, played against the system contracts, step by step. */
class ParkStoryTest {
    private static UInt256 tokens(long whole) {
        return UInt256.of(BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(18)));
    }

    private static UInt256 coins(long whole) {
        return tokens(whole); // the native coin has 18 decimals too
    }

    @Test
    void theParksStoryFromAdmissionToARefusedTransferToABlockedAddress() {
        Park park = Park.withChair();
        Address labs = account(1);
        Address capital = account(2);
        Address korean = account(10);
        Address belarusian = account(11);
        Address sanctioned = account(12);
        park.fund(korean, coins(10_000));
        park.fund(belarusian, coins(10_000));

        // The board admits the issuer and the organiser.
        park.admit(labs, "Minsk Software Labs", Role.TOKEN_ISSUER);
        park.admit(capital, "Capital Token Organiser", Role.ICO_ORGANISER | Role.PLATFORM_OPERATOR);

        // The organiser identifies a Korean company (qualified) and a Belarusian individual (non-qualified).
        park.send(capital, REGISTRY, Abi.call("registerClient(address,uint8,bool,bytes2,bytes32,uint64)",
                korean, ClientCategory.QUALIFIED, true, new Abi.Country("KR"), Abi.hash("dossier KR"), 0L)).ok();
        park.send(capital, REGISTRY, Abi.call("registerClient(address,uint8,bool,bytes2,bytes32,uint64)",
                belarusian, ClientCategory.NON_QUALIFIED, false, new Abi.Country("BY"), Abi.hash("dossier BY"), 0L)).ok();

        // The issuer creates MSL (cap 10,000,000) and an offering paid in coin: 0.001 coin a token,
        // soft cap 1,000,000, hard cap 5,000,000, a non-qualified client may pay at most 100 coins.
        Address msl = Abi.address(park.send(labs, FACTORY, Abi.call("createToken(string,string,uint8,uint256,uint8,bytes32)",
                "Minsk Software Labs Token", "MSL", 18, tokens(10_000_000), 1, Abi.hash("MSL white paper"))).ok().output(), 0);
        long start = park.now + 60;
        long end = park.now + 7 * 24 * 3600;
        UInt256 pricePerToken = UInt256.of(BigInteger.TEN.pow(15));
        long offering = Abi.uint(park.send(labs, OFFERINGS, Abi.call(
                "createOffering(address,address,address,uint256,uint256,uint256,uint64,uint64,uint256,bytes32)",
                msl, capital, Address.ZERO, pricePerToken, tokens(1_000_000), tokens(5_000_000), start, end,
                coins(100), Abi.hash("MSL white paper"))).ok().output(), 0).toLong();

        // The organiser approves it; both investors subscribe once it opens.
        park.send(capital, OFFERINGS, Abi.call("approveOffering(uint256)", offering)).ok();
        park.now = start;
        park.send(korean, OFFERINGS, coins(1_400), Abi.call("subscribe(uint256,uint256)", offering, tokens(1_400_000))).ok();
        park.send(belarusian, OFFERINGS, coins(100), Abi.call("subscribe(uint256,uint256)", offering, tokens(100_000))).ok();
        assertThat(park.send(belarusian, OFFERINGS, coins(1), Abi.call("subscribe(uint256,uint256)", offering, tokens(1_000))).reason())
                .isEqualTo("offering: non-qualified limit exceeded");

        // The offering ends and succeeds: 99% of 1,500 coins to the issuer, 1% to the treasury.
        park.now = end;
        UInt256 labsBefore = park.balance(labs);
        Park.Tx finalized = park.send(korean, OFFERINGS, Abi.call("finalize(uint256)", offering)).ok();
        assertThat(park.balance(labs).sub(labsBefore)).isEqualTo(coins(1_485));
        assertThat(park.balance(TREASURY)).isEqualTo(coins(15));
        assertThat(finalized.logs(Abi.topic("LevyPaid(address,address,uint256,uint256,bytes32)"))).hasSize(1);

        // The investors claim, then trade.
        park.send(korean, OFFERINGS, Abi.call("claim(uint256)", offering)).ok();
        park.send(belarusian, OFFERINGS, Abi.call("claim(uint256)", offering)).ok();
        assertThat(park.tokenBalance(msl, korean)).isEqualTo(tokens(1_400_000));
        park.send(korean, msl, Abi.call("transfer(address,uint256)", belarusian, tokens(50_000))).ok();
        assertThat(park.tokenBalance(msl, belarusian)).isEqualTo(tokens(150_000));

        // A transfer to a blocked address is refused with a clear reason.
        park.identify(capital, sanctioned, ClientCategory.QUALIFIED, "KR", 0).ok();
        park.board(REGISTRY, Abi.call("blockAddress(address,bytes32)", sanctioned, Abi.hash("AML order 7"))).ok();
        assertThat(park.send(korean, msl, Abi.call("transfer(address,uint256)", sanctioned, tokens(1))).reason())
                .isEqualTo("token: transfer to a blocked address");
        assertThat(Abi.uint(park.read(msl, Abi.call("totalSupply()")), 0)).isEqualTo(tokens(1_500_000));
    }
}
