package org.parkchain.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.regime.Park.*;

import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.abi.Tuple;

class ResidencyTest {
    private final Park park = Park.withChair();
    private final Address labs = account(1);

    private ResidentStatus status(Address resident) {
        byte[] out = park.read(REGISTRY, Abi.call("getResident(address)", resident));
        // getResident returns a dynamic struct: word 0 is its offset, the struct's fields follow.
        return ResidentStatus.values()[(int) Abi.uint(out, 1).toLong()];
    }

    private Park.Tx tryCreateToken(Address caller) {
        return park.createToken(caller, "MSL", u(1000), 0);
    }

    @Test
    void anApplicantIsRecordedButNotVerifiedUntilAdmitted() {
        Park.Tx applied = park.apply(labs, "Minsk Software Labs").ok();
        assertThat(applied.logs(Abi.topic("ResidencyApplied(address,string,bytes32)"))).hasSize(1);
        assertThat(status(labs)).isEqualTo(ResidentStatus.APPLICANT);
        assertThat(park.isVerified(labs)).isFalse();
        assertThat(tryCreateToken(labs).reason())
                .isEqualTo("token factory: only an active resident with role TOKEN_ISSUER can create tokens");

        park.board(REGISTRY, Abi.call("admitResident(address,uint256)", labs, Role.TOKEN_ISSUER)).ok();
        assertThat(status(labs)).isEqualTo(ResidentStatus.RESIDENT);
        assertThat(park.isVerified(labs)).isTrue();
        assertThat(Abi.bool(park.read(REGISTRY, Abi.call("hasRole(address,uint256)", labs, Role.TOKEN_ISSUER)), 0)).isTrue();
        assertThat(Abi.addresses(park.read(REGISTRY, Abi.call("residents()")))).containsExactly(labs);
        byte[] resident = park.read(REGISTRY, Abi.call("getResident(address)", labs));
        Tuple record = Abi.decode("((uint8,uint256,string,bytes32,bytes32,uint64,uint64))", resident).tuple(0);
        assertThat(record.string(2)).isEqualTo("Minsk Software Labs");
        assertThat(record.uint256(1).toLong()).isEqualTo(Role.TOKEN_ISSUER);
        tryCreateToken(labs).ok();
    }

    @Test
    void getResidentReturnsTheNameAndDates() {
        park.now = 1_900_000_000L;
        park.admit(labs, "Minsk Software Labs", Role.TOKEN_ISSUER);
        byte[] out = park.read(REGISTRY, Abi.call("getResident(address)", labs));
        // The struct starts at word 1; its name is at an offset relative to the struct's start.
        byte[] struct = java.util.Arrays.copyOfRange(out, 32, out.length);
        assertThat(Abi.string(struct, 2)).isEqualTo("Minsk Software Labs");
        assertThat(Abi.uint(struct, 1).toLong()).isEqualTo(Role.TOKEN_ISSUER);
        assertThat(Abi.uint(struct, 6).toLong()).isEqualTo(1_900_000_000L);
    }

    @Test
    void refusesAdmittingAnAccountThatNeverApplied() {
        assertThat(park.board(REGISTRY, Abi.call("admitResident(address,uint256)", labs, 1)).reason())
                .isEqualTo("registry: " + labs + " is not an applicant");
    }

    @Test
    void refusesApplyingTwiceFromTheSameAccount() {
        park.apply(labs, "Minsk Software Labs").ok();
        assertThat(park.apply(labs, "Again").reason()).isEqualTo("registry: account already belongs to a resident or applicant");
    }

    @Test
    void refusesUnknownRoleBits() {
        park.apply(labs, "Labs").ok();
        assertThat(park.board(REGISTRY, Abi.call("admitResident(address,uint256)", labs, 16)).reason())
                .isEqualTo("registry: unknown role bits 16");
    }

    @Test
    void aSuspendedResidentIsNotVerifiedAndCannotCreateTokensUntilReinstated() {
        park.admit(labs, "Labs", Role.TOKEN_ISSUER);
        park.board(REGISTRY, Abi.call("suspendResident(address,bytes32)", labs, Abi.hash("unpaid levy"))).ok();
        assertThat(status(labs)).isEqualTo(ResidentStatus.SUSPENDED);
        assertThat(park.isVerified(labs)).isFalse();
        assertThat(tryCreateToken(labs).reason()).startsWith("token factory: only an active resident");

        park.board(REGISTRY, Abi.call("reinstateResident(address)", labs)).ok();
        assertThat(status(labs)).isEqualTo(ResidentStatus.RESIDENT);
        assertThat(park.isVerified(labs)).isTrue();
        tryCreateToken(labs).ok();
    }

    @Test
    void refusesReinstatingAResidentThatIsNotSuspended() {
        park.admit(labs, "Labs", Role.TOKEN_ISSUER);
        assertThat(park.board(REGISTRY, Abi.call("reinstateResident(address)", labs)).reason())
                .isEqualTo("registry: only a suspended resident can be reinstated");
        assertThat(park.board(REGISTRY, Abi.call("suspendResident(address,bytes32)", account(9), Hash.ZERO)).reason())
                .isEqualTo("registry: only an active resident can be suspended");
    }

    @Test
    void aRevokedResidencyIsFinal() {
        park.admit(labs, "Labs", Role.TOKEN_ISSUER);
        Park.Tx revoked = park.board(REGISTRY, Abi.call("revokeResident(address,bytes32)", labs, Abi.hash("fraud"))).ok();
        assertThat(revoked.logs(Abi.topic("ResidentStatusChanged(address,uint8,bytes32)"))).hasSize(1);
        assertThat(status(labs)).isEqualTo(ResidentStatus.REVOKED);
        assertThat(park.isVerified(labs)).isFalse();
        assertThat(park.board(REGISTRY, Abi.call("reinstateResident(address)", labs)).reason())
                .isEqualTo("registry: only a suspended resident can be reinstated");
        assertThat(park.board(REGISTRY, Abi.call("revokeResident(address,bytes32)", labs, Hash.ZERO)).reason())
                .isEqualTo("registry: " + labs + " has no residency to revoke");
        assertThat(park.apply(labs, "Labs again").reason()).isEqualTo("registry: account already belongs to a resident or applicant");
    }

    @Test
    void aBoundAccountActsForItsResidentUntilUnbound() {
        park.admit(labs, "Labs", Role.TOKEN_ISSUER);
        Address operations = account(2);
        park.send(labs, REGISTRY, Abi.call("addAccount(address)", operations)).ok();
        assertThat(Abi.address(park.read(REGISTRY, Abi.call("residentOf(address)", operations)), 0)).isEqualTo(labs);
        assertThat(park.isVerified(operations)).isTrue();
        Address token = Abi.address(tryCreateToken(operations).ok().output(), 0);
        assertThat(Abi.address(park.read(token, Abi.call("issuer()")), 0)).as("the resident is the issuer").isEqualTo(labs);

        park.send(labs, REGISTRY, Abi.call("removeAccount(address)", operations)).ok();
        assertThat(park.isVerified(operations)).isFalse();
        assertThat(tryCreateToken(operations).reason()).startsWith("token factory: only an active resident");
    }

    @Test
    void refusesBindingByAnyoneButAnActiveResidentsPrimaryAccount() {
        park.admit(labs, "Labs", Role.TOKEN_ISSUER);
        park.send(labs, REGISTRY, Abi.call("addAccount(address)", account(2))).ok();
        assertThat(park.send(account(2), REGISTRY, Abi.call("addAccount(address)", account(3))).reason())
                .isEqualTo("registry: only an active resident's primary account can bind accounts");
        assertThat(park.send(account(7), REGISTRY, Abi.call("addAccount(address)", account(3))).reason())
                .isEqualTo("registry: only an active resident's primary account can bind accounts");
        park.admit(account(4), "Other", Role.TOKEN_ISSUER);
        assertThat(park.send(account(4), REGISTRY, Abi.call("addAccount(address)", account(2))).reason())
                .isEqualTo("registry: " + account(2) + " already belongs to a resident");
    }

    @Test
    void tokenCreationNeedsRoleTokenIssuer() {
        park.admit(labs, "Organiser", Role.ICO_ORGANISER);
        assertThat(tryCreateToken(labs).reason())
                .isEqualTo("token factory: only an active resident with role TOKEN_ISSUER can create tokens");
        park.board(REGISTRY, Abi.call("setRoles(address,uint256)", labs, Role.ICO_ORGANISER | Role.TOKEN_ISSUER)).ok();
        tryCreateToken(labs).ok();
    }
}
