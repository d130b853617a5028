package org.parkchain.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.regime.Park.*;

import org.junit.jupiter.api.Test;
import org.parkchain.evm.Log;
import org.parkchain.evm.ContractAddress;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

class ParkTokenTest {
    private final Park park = Park.withChair();
    private final Address issuer = park.admit(account(1), "Minsk Software Labs", Role.TOKEN_ISSUER);
    private final Address organiser = park.admit(account(2), "Capital Token Organiser", Role.ICO_ORGANISER);
    private final Address alice = account(20);
    private final Address bob = account(21);
    private final Address token = park.token(issuer, "MSL", 1_000_000);

    {
        park.identify(organiser, alice, ClientCategory.QUALIFIED, "KR", 0).ok();
        park.identify(organiser, bob, ClientCategory.NON_QUALIFIED, "BY", 0).ok();
    }

    private Park.Tx mint(Address caller, Address to, long amount) {
        return park.send(caller, token, Abi.call("mint(address,uint256)", to, amount));
    }

    private Park.Tx transfer(Address from, Address to, long amount) {
        return park.send(from, token, Abi.call("transfer(address,uint256)", to, amount));
    }

    @Test
    void aCreatedTokenHasADeterministicAddressMarkerCodeAndItsAttributes() {
        assertThat(token).isEqualTo(ContractAddress.forCreate(FACTORY, 1));
        assertThat(park.world.code(token)).isEqualTo(SystemContracts.MARKER_CODE);
        assertThat(Abi.string(park.read(token, Abi.call("symbol()")), 0)).isEqualTo("MSL");
        assertThat(Abi.string(park.read(token, Abi.call("name()")), 0)).isEqualTo("MSL token");
        assertThat(Abi.uint(park.read(token, Abi.call("cap()")), 0).toLong()).isEqualTo(1_000_000);
        assertThat(Abi.uint(park.read(token, Abi.call("kind()")), 0).toLong()).isEqualTo(1);
        assertThat(Abi.address(park.read(FACTORY, Abi.call("issuerOf(address)", token)), 0)).isEqualTo(issuer);
        assertThat(Abi.addresses(park.read(FACTORY, Abi.call("tokens()")))).containsExactly(token);
        Address second = park.token(issuer, "MS2", 5);
        assertThat(second).isEqualTo(ContractAddress.forCreate(FACTORY, 2)).isNotEqualTo(token);
    }

    @Test
    void onlyTheIssuerMintsAndNeverBeyondTheCap() {
        assertThat(mint(alice, alice, 10).reason()).isEqualTo("token: only the issuer, an active resident, can mint");
        assertThat(mint(organiser, alice, 10).reason()).isEqualTo("token: only the issuer, an active resident, can mint");
        Park.Tx minted = mint(issuer, alice, 1_000_000).ok();
        assertThat(minted.logs(ParkToken.TRANSFER)).hasSize(1);
        assertThat(park.tokenBalance(token, alice)).isEqualTo(u(1_000_000));
        assertThat(mint(issuer, alice, 1).reason()).isEqualTo("token: mint exceeds the cap (room promised to offerings included)");
    }

    @Test
    void refusesACapOfZeroOrBeyond2To255() {
        assertThat(park.createToken(issuer, "BAD", UInt256.ZERO, 0).reason()).isEqualTo("token factory: cap must be above zero and below 2^255");
        assertThat(park.createToken(issuer, "BAD", UInt256.ONE.shl(255), 0).reason()).isEqualTo("token factory: cap must be above zero and below 2^255");
    }

    @Test
    void transfersMoveBalancesWithAStandardTransferEvent() {
        mint(issuer, alice, 500).ok();
        Park.Tx tx = transfer(alice, bob, 200).ok();
        assertThat(Abi.bool(tx.output(), 0)).isTrue();
        assertThat(park.tokenBalance(token, alice)).isEqualTo(u(300));
        assertThat(park.tokenBalance(token, bob)).isEqualTo(u(200));
        Log log = tx.logs().get(0);
        assertThat(log.address()).isEqualTo(token);
        assertThat(log.topics()).containsExactly(Abi.topic("Transfer(address,address,uint256)"),
                Hash.wrap(alice.toWord()), Hash.wrap(bob.toWord()));
        assertThat(log.data()).isEqualTo(u(200).toBytes32());
        assertThat(transfer(alice, bob, 301).reason()).isEqualTo("token: transfer amount exceeds balance");
    }

    @Test
    void refusesATransferToABlockedAddress() {
        mint(issuer, alice, 500).ok();
        park.board(REGISTRY, Abi.call("blockAddress(address,bytes32)", bob, Abi.hash("AML"))).ok();
        assertThat(transfer(alice, bob, 1).reason()).isEqualTo("token: transfer to a blocked address");
        assertThat(transfer(bob, alice, 0).reason()).isEqualTo("token: transfer from a blocked address");
    }

    @Test
    void refusesATransferToAnUnverifiedAccount() {
        mint(issuer, alice, 500).ok();
        Address stranger = account(77);
        assertThat(transfer(alice, stranger, 1).reason()).isEqualTo("token: recipient " + stranger + " is not verified");
        assertThat(mint(issuer, stranger, 1).reason()).isEqualTo("token: recipient " + stranger + " is not verified");
    }

    @Test
    void transferFromSpendsTheAllowance() {
        mint(issuer, alice, 500).ok();
        park.send(alice, token, Abi.call("approve(address,uint256)", bob, 100)).ok();
        assertThat(Abi.uint(park.read(token, Abi.call("allowance(address,address)", alice, bob)), 0)).isEqualTo(u(100));
        park.send(bob, token, Abi.call("transferFrom(address,address,uint256)", alice, bob, 60)).ok();
        assertThat(park.send(bob, token, Abi.call("transferFrom(address,address,uint256)", alice, bob, 41)).reason())
                .isEqualTo("token: transfer amount exceeds allowance");
        assertThat(park.tokenBalance(token, bob)).isEqualTo(u(60));
        assertThat(Abi.uint(park.read(token, Abi.call("allowance(address,address)", alice, bob)), 0)).isEqualTo(u(40));
    }

    @Test
    void onlyTheBoardFreezesAndAFrozenAccountCannotMoveTokens() {
        mint(issuer, alice, 500).ok();
        assertThat(park.send(CHAIR, token, Abi.call("setFrozen(address,bool)", alice, true)).reason())
                .isEqualTo("token: board-only function, call it through a registry proposal");
        Park.Tx frozen = park.board(token, Abi.call("setFrozen(address,bool)", alice, true)).ok();
        assertThat(frozen.logs(Abi.topic("Frozen(address,bool)"))).hasSize(1);
        assertThat(Abi.bool(park.read(token, Abi.call("isFrozen(address)", alice)), 0)).isTrue();
        assertThat(park.tokenBalance(token, alice)).as("freezing keeps the balance").isEqualTo(u(500));
        assertThat(transfer(alice, bob, 1).reason()).isEqualTo("token: sender account is frozen");
        assertThat(transfer(bob, alice, 0).reason()).isEqualTo("token: recipient account is frozen");
        assertThat(park.send(alice, token, Abi.call("burn(uint256)", 1)).reason())
                .isEqualTo("token: account is frozen; only the board can move its tokens");
        park.board(token, Abi.call("setFrozen(address,bool)", alice, false)).ok();
        transfer(alice, bob, 1).ok();
    }

    @Test
    void onlyTheBoardForcesATransferAndItMovesFrozenTokens() {
        mint(issuer, alice, 500).ok();
        park.board(token, Abi.call("setFrozen(address,bool)", alice, true)).ok();
        byte[] order = Abi.call("forcedTransfer(address,address,uint256)", alice, bob, 300);
        assertThat(park.send(issuer, token, order).reason()).isEqualTo("token: board-only function, call it through a registry proposal");
        Park.Tx forced = park.board(token, order).ok();
        assertThat(forced.logs(Abi.topic("ForcedTransfer(address,address,uint256)"))).hasSize(1);
        assertThat(park.tokenBalance(token, alice)).isEqualTo(u(200));
        assertThat(park.tokenBalance(token, bob)).isEqualTo(u(300));
        assertThat(Abi.bool(park.read(token, Abi.call("isFrozen(address)", alice)), 0)).isTrue();
    }

    @Test
    void burningReducesSupplyAndNeedsOnlyTheHoldersBalance() {
        mint(issuer, alice, 500).ok();
        park.send(alice, token, Abi.call("burn(uint256)", 100)).ok();
        assertThat(Abi.uint(park.read(token, Abi.call("totalSupply()")), 0)).isEqualTo(u(400));
        assertThat(park.send(alice, token, Abi.call("burn(uint256)", 401)).reason()).isEqualTo("token: burn amount exceeds balance");
    }

    @Test
    void aTransferCostsNoMoreThanASolidityErc20Transfer() {
        mint(issuer, alice, 500).ok();
        mint(issuer, bob, 1).ok();
        long toHolder = transfer(alice, bob, 10).ok().gasUsed();
        Address carol = account(22);
        park.identify(organiser, carol, ClientCategory.QUALIFIED, "KR", 0).ok();
        long toNewHolder = transfer(alice, carol, 10).ok().gasUsed();
        // Whole transactions (intrinsic 21,000 and the call data included): an OpenZeppelin ERC-20 transfer costs
        // about 34.5k to an existing holder and about 51.5k to a new one.
        assertThat(toHolder).isBetween(30_000L, 36_000L);
        assertThat(toNewHolder).isBetween(47_000L, 52_000L);
    }
}
