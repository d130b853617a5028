package org.parkchain.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.regime.Park.*;

import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;

class BoardTest {
    private static final Address SUSPECT = account(66);

    private static byte[] blockSuspect() {
        return Abi.call("blockAddress(address,bytes32)", SUSPECT, Abi.hash("court order 12"));
    }

    private static boolean blocked(Park park, Address a) {
        return Abi.bool(park.read(REGISTRY, Abi.call("isBlocked(address)", a)), 0);
    }

    @Test
    void thresholdOneExecutesAProposalAtOnce() {
        Park park = Park.withChair();
        Park.Tx tx = park.board(REGISTRY, blockSuspect()).ok();
        assertThat(blocked(park, SUSPECT)).isTrue();
        assertThat(Abi.uint(tx.output(), 0).toLong()).isEqualTo(1);
        assertThat(tx.logs(Abi.topic("ProposalCreated(uint256,address,address,bytes)"))).hasSize(1);
        assertThat(tx.logs(Abi.topic("ProposalExecuted(uint256)"))).hasSize(1);
        assertThat(tx.logs(Abi.topic("AddressBlocked(address,bytes32)")).get(0).topics().get(1))
                .isEqualTo(Hash.wrap(SUSPECT.toWord()));
    }

    @Test
    void twoOfThreeExecutesOnTheSecondDistinctApproval() {
        Park park = Park.withBoard(2, CHAIR, MEMBER_2, MEMBER_3);
        park.board(REGISTRY, blockSuspect()).ok();
        assertThat(blocked(park, SUSPECT)).as("one approval of two").isFalse();
        byte[] proposal = park.read(REGISTRY, Abi.call("proposal(uint256)", 1));
        assertThat(Abi.uint(proposal, 3).toLong()).isEqualTo(1);
        assertThat(Abi.bool(proposal, 4)).isFalse();

        Park.Tx second = park.send(MEMBER_3, REGISTRY, Abi.call("approve(uint256)", 1)).ok();
        assertThat(second.logs(Abi.topic("ProposalExecuted(uint256)"))).hasSize(1);
        assertThat(blocked(park, SUSPECT)).isTrue();
        assertThat(Abi.bool(park.read(REGISTRY, Abi.call("proposal(uint256)", 1)), 4)).isTrue();
    }

    @Test
    void refusesApprovalOfAnUnknownProposal() {
        Park park = Park.withBoard(2, CHAIR, MEMBER_2);
        assertThat(park.send(MEMBER_2, REGISTRY, Abi.call("approve(uint256)", 7)).reason()).isEqualTo("registry: no proposal 7");
    }

    @Test
    void refusesARepeatedApprovalBySameMember() {
        Park park = Park.withBoard(2, CHAIR, MEMBER_2, MEMBER_3);
        park.board(REGISTRY, blockSuspect()).ok();
        assertThat(park.send(CHAIR, REGISTRY, Abi.call("approve(uint256)", 1)).reason())
                .isEqualTo("registry: caller has already approved proposal 1");
        assertThat(blocked(park, SUSPECT)).isFalse();
    }

    @Test
    void refusesApprovalOfAnExecutedProposal() {
        Park park = Park.withBoard(1, CHAIR, MEMBER_2);
        park.board(REGISTRY, blockSuspect()).ok();
        assertThat(park.send(MEMBER_2, REGISTRY, Abi.call("approve(uint256)", 1)).reason())
                .isEqualTo("registry: proposal 1 is already executed");
    }

    @Test
    void refusesProposalsAndApprovalsFromNonMembers() {
        Park park = Park.withBoard(2, CHAIR, MEMBER_2);
        assertThat(park.send(account(1), REGISTRY, Abi.call("propose(address,bytes)", REGISTRY, new Abi.Bytes(blockSuspect()))).reason())
                .isEqualTo("registry: caller is not a board member");
        park.board(REGISTRY, blockSuspect()).ok();
        assertThat(park.send(account(1), REGISTRY, Abi.call("approve(uint256)", 1)).reason())
                .isEqualTo("registry: caller is not a board member");
    }

    @Test
    void refusesDirectCallsOfBoardOnlyFunctionsEvenByBoardMembers() {
        Park park = Park.withChair();
        for (byte[] call : new byte[][] {
                blockSuspect(),
                Abi.call("admitResident(address,uint256)", account(1), 1),
                Abi.call("setLevyRateBps(uint256)", 50),
                Abi.call("setTreasury(address)", account(2)),
                Abi.call("addBoardMember(address)", account(3)),
                Abi.call("setThreshold(uint256)", 1)}) {
            assertThat(park.send(CHAIR, REGISTRY, call).reason())
                    .isEqualTo("registry: board-only function, call it through a proposal");
        }
    }

    @Test
    void aProposalWhoseCallRevertsStaysUnexecutedAndTheApprovalRevertsWithItsReason() {
        Park park = Park.withBoard(2, CHAIR, MEMBER_2);
        park.board(REGISTRY, Abi.call("setLevyRateBps(uint256)", 10_001)).ok();
        assertThat(park.send(MEMBER_2, REGISTRY, Abi.call("approve(uint256)", 1)).reason())
                .isEqualTo("registry: levy rate is at most 10000 bps");
        byte[] proposal = park.read(REGISTRY, Abi.call("proposal(uint256)", 1));
        assertThat(Abi.uint(proposal, 3).toLong()).as("approvals").isEqualTo(1);
        assertThat(Abi.bool(proposal, 4)).as("executed").isFalse();
    }

    @Test
    void refusesAProposalTargetingAnOrdinaryAccount() {
        Park park = Park.withChair();
        assertThat(park.board(account(5), Abi.call("transfer(address,uint256)", account(6), 1)).reason())
                .isEqualTo("registry: proposal target is not a system contract or park token");
    }

    @Test
    void membershipAndThresholdChangeOnlyWithinBounds() {
        Park park = Park.withChair();
        park.board(REGISTRY, Abi.call("addBoardMember(address)", MEMBER_2)).ok();
        park.board(REGISTRY, Abi.call("setThreshold(uint256)", 2)).ok();
        assertThat(Abi.addresses(park.read(REGISTRY, Abi.call("boardMembers()")))).containsExactly(CHAIR, MEMBER_2);
        // Threshold 2 now: CHAIR's proposal waits for MEMBER_2.
        park.board(REGISTRY, Abi.call("removeBoardMember(address)", MEMBER_2)).ok();
        assertThat(park.send(MEMBER_2, REGISTRY, Abi.call("approve(uint256)", 3)).reason())
                .isEqualTo("registry: removal would leave fewer board members than the threshold");
        park.board(REGISTRY, Abi.call("setThreshold(uint256)", 3)).ok();
        assertThat(park.send(MEMBER_2, REGISTRY, Abi.call("approve(uint256)", 4)).reason())
                .isEqualTo("registry: threshold must be between 1 and the number of board members (2)");
        park.board(REGISTRY, Abi.call("setThreshold(uint256)", 1)).ok();
        park.send(MEMBER_2, REGISTRY, Abi.call("approve(uint256)", 5)).ok();
        park.board(REGISTRY, Abi.call("removeBoardMember(address)", MEMBER_2)).ok();
        assertThat(Abi.addresses(park.read(REGISTRY, Abi.call("boardMembers()")))).containsExactly(CHAIR);
        assertThat(Abi.uint(park.read(REGISTRY, Abi.call("threshold()")), 0).toLong()).isEqualTo(1);
    }
}
