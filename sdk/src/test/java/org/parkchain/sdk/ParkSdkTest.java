package org.parkchain.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parkchain.chain.Genesis;
import org.parkchain.node.NodeConfig;
import org.parkchain.node.ParkchainNode;
import org.parkchain.primitives.Hex;
import org.parkchain.sdk.contracts.ParkRegistry;
import org.parkchain.sdk.contracts.TokenFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticEIP1559GasProvider;

/** The generated web3j wrappers against a real dev node: reads, a resident's application, a board proposal. */
class ParkSdkTest {
    private static final long CHAIN_ID = Genesis.DEV_CHAIN_ID;
    private static ParkchainNode node;
    private static Web3j web3j;

    @BeforeAll
    static void start() {
        node = ParkchainNode.start(NodeConfig.devDefaults());
        web3j = Web3j.build(new HttpService(node.rpcUrl().toString()));
    }

    @AfterAll
    static void stop() {
        web3j.shutdown();
        node.close();
    }

    private static Credentials dev(int i) {
        return Credentials.create(Hex.encode(Genesis.devKeys().get(i).toArray()));
    }

    private static Park park(Credentials who) {
        return new Park(web3j, new RawTransactionManager(web3j, who, CHAIN_ID), new StaticEIP1559GasProvider(
                CHAIN_ID, BigInteger.valueOf(20_000_000_000L), BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(3_000_000)));
    }

    private static byte[] word(String text) {
        return Arrays.copyOf(text.getBytes(StandardCharsets.UTF_8), 32);
    }

    @Test
    void readsTheRegistryOfTheDevChain() throws Exception {
        ParkRegistry registry = park(dev(0)).registry();
        assertThat(registry.threshold().send()).isEqualTo(BigInteger.ONE);
        assertThat(registry.boardMembers().send()).containsExactly(dev(0).getAddress());
        assertThat(registry.treasury().send()).isEqualToIgnoringCase(dev(9).getAddress());
        assertThat(park(dev(0)).tokenFactory().tokens().send()).isInstanceOf(List.class);
    }

    @Test
    void anApplicantIsAdmittedByABoardProposal() throws Exception {
        Credentials applicant = dev(5);
        TransactionReceipt applied = park(applicant).registry()
                .applyForResidency("Acme Robotics", word("REG-5"), word("plan")).send();
        assertThat(applied.isStatusOK()).isTrue();
        ParkRegistry board = park(dev(0)).registry();
        assertThat(board.getResident(applicant.getAddress()).send().status).isEqualTo(BigInteger.ONE); // Applicant

        // A board decision called directly is refused with the registry's reason.
        assertThatThrownBy(() -> board.admitResident(applicant.getAddress(), BigInteger.ONE).send())
                .hasMessageContaining("board-only function, call it through a proposal");

        String call = board.admitResident(applicant.getAddress(), BigInteger.ONE).encodeFunctionCall();
        TransactionReceipt proposed = board.propose(Park.REGISTRY, org.web3j.utils.Numeric.hexStringToByteArray(call)).send();
        assertThat(proposed.isStatusOK()).isTrue();
        assertThat(ParkRegistry.getResidentStatusChangedEvents(proposed)).isNotEmpty();
        assertThat(board.getResident(applicant.getAddress()).send().status).isEqualTo(BigInteger.TWO); // Resident
    }
}
