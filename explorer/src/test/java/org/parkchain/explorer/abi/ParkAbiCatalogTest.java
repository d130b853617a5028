package org.parkchain.explorer.abi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.AbiEvent;
import org.parkchain.primitives.abi.AbiFunction;

class ParkAbiCatalogTest {
    private static final Address ALICE = Address.fromLong(0xa11ce);

    @Test
    void decodesAnErc20TransferCallWithItsParameterNames() {
        byte[] input = AbiFunction.parse("transfer(address,uint256)").encodeCall(ALICE, UInt256.of(7));
        assertThat(ParkAbiCatalog.methodName(input)).isEqualTo("transfer");
        var decoded = ParkAbiCatalog.decodeCall(input).orElseThrow();
        assertThat(decoded.values()).extracting(ParkAbiCatalog.Value::name).containsExactly("to", "amount");
        assertThat(decoded.values().get(0).text()).isEqualTo(ALICE.toChecksumHex());
        assertThat(decoded.values().get(1).text()).isEqualTo("7");
    }

    @Test
    void unknownSelectorsAreShownRawAndMalformedCallsAreNotDecoded() {
        assertThat(ParkAbiCatalog.methodName(new byte[] {1, 2, 3, 4})).isEqualTo("0x01020304");
        assertThat(ParkAbiCatalog.methodName(new byte[0])).isEmpty();
        byte[] truncated = java.util.Arrays.copyOf(AbiFunction.parse("transfer(address,uint256)")
                .encodeCall(ALICE, UInt256.of(7)), 20);
        assertThat(ParkAbiCatalog.decodeCall(truncated)).isEmpty();
    }

    @Test
    void decodesParkEventsWithEnumsAndRolesByName() {
        AbiEvent status = AbiEvent.parse("ResidentStatusChanged(address indexed,uint8,bytes32)");
        AbiEvent.Log log = status.encode(ALICE, UInt256.of(3), new byte[32]);
        var decoded = ParkAbiCatalog.decodeLog(log.topics(), log.data()).orElseThrow();
        assertThat(decoded.name()).isEqualTo("ResidentStatusChanged");
        assertThat(decoded.values().get(1).text()).isEqualTo("Suspended");
        AbiEvent roles = AbiEvent.parse("RolesChanged(address indexed,uint256)");
        AbiEvent.Log rolesLog = roles.encode(ALICE, UInt256.of(0b0110));
        assertThat(ParkAbiCatalog.decodeLog(rolesLog.topics(), rolesLog.data()).orElseThrow().values().get(1).text())
                .isEqualTo("ICO_ORGANISER, PLATFORM_OPERATOR");
        assertThat(ParkAbiCatalog.indexedAddresses(rolesLog.topics())).containsExactly(ALICE);
    }

    @Test
    void anErc721TransferWithAFourthTopicIsNotTakenForAnErc20One() {
        List<Hash> topics = List.of(ParkAbiCatalog.TRANSFER, Hash.of(ALICE.toWord()), Hash.of(ALICE.toWord()),
                Hash.of(UInt256.of(1).toBytes32()));
        assertThat(ParkAbiCatalog.decodeLog(topics, new byte[0])).isEmpty();
    }
}
