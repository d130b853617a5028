package org.parkchain.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parkchain.chain.Genesis;
import org.parkchain.rpc.RpcException;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.RpcParams;

/**
 * Node-side signatures of a dev account, compared with what ethers 6.17's {@code Wallet} gives for the same key
 * (the test mnemonic's account 0): {@code signMessage} and {@code signTypedData} (the expected values were printed by
 * ethers, see docs/rpc.md).
 */
class SignMethodsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEV0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static final String MAIL = """
            {"types": {
               "EIP712Domain": [{"name": "name", "type": "string"}, {"name": "version", "type": "string"},
                                {"name": "chainId", "type": "uint256"}, {"name": "verifyingContract", "type": "address"}],
               "Person": [{"name": "name", "type": "string"}, {"name": "wallets", "type": "address[]"}],
               "Mail": [{"name": "from", "type": "Person"}, {"name": "to", "type": "Person[]"},
                        {"name": "contents", "type": "string"}, {"name": "attachment", "type": "bytes"},
                        {"name": "nonce", "type": "uint256"}, {"name": "flag", "type": "bool"},
                        {"name": "tag", "type": "bytes4"}, {"name": "delta", "type": "int32"}]},
             "primaryType": "Mail",
             "domain": {"name": "Ether Mail", "version": "1", "chainId": 31337,
                        "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},
             "message": {
               "from": {"name": "Cow", "wallets": ["0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826",
                                                  "0xDeaDbeefdEAdbeefdEadbEEFdeadbeEFdEaDbeeF"]},
               "to": [{"name": "Bob", "wallets": ["0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"]}],
               "contents": "Hello, Bob!", "attachment": "0xdeadbeef", "nonce": "12345678901234567890",
               "flag": true, "tag": "0x01020304", "delta": -42}}
            """;

    private static Object call(String method, String params) throws Exception {
        RpcMethods m = new RpcMethods();
        new SignMethods(List.of(Genesis.devKeys().get(0))).registerInto(m);
        return m.find(method).orElseThrow().call(RpcParams.of(JSON.readTree(params)));
    }

    @Test
    void personalSignAndEthSignMatchEthersSignMessage() throws Exception {
        String hello = "0x" + java.util.HexFormat.of().formatHex("hello park".getBytes());
        String expected = "0x144a80fd86e6b9132b29c4e776c11f6e815765fc428a8ee53522b3a40309f5c27158dba9cd385e2c73aa47942ceca4966508954bbb8b8a51f6f2501b5d004e851b";
        assertThat(call("personal_sign", "[\"" + hello + "\", \"" + DEV0 + "\"]")).isEqualTo(expected);
        assertThat(call("eth_sign", "[\"" + DEV0 + "\", \"" + hello + "\"]")).isEqualTo(expected);
        assertThat(call("personal_sign", "[\"0xdeadbeef\", \"" + DEV0 + "\"]")).isEqualTo(
                "0xa114c834af73872c6c9efe918d85b0b1b34a486d10f9011e2630e28417c828c060dbd65cda67e73d52ebb7c555260621dbc1b0b4036acb61086bba091ac3f1641b");
    }

    @Test
    void signTypedDataV4MatchesEthersSignTypedData() throws Exception {
        assertThat(TypedData.fromJson(JSON.readTree(MAIL)).hash().toHex())
                .isEqualTo("0x993174e4002a631f0b97d9269ffb2a711aa4d664cb9f4ef08cc2cc4e7e09b2a5");
        assertThat(call("eth_signTypedData_v4", "[\"" + DEV0 + "\", " + MAIL + "]")).isEqualTo(
                "0xdc9fb2e8ca1bd9fe70b7804f035fb26a1925d4a2a3ed0dc57c612043baf845c914d82a52d8c4e75f5b7d43d96f27725f80edbf0bcc88549c871159b28b7ca1e31c");
        // Sent as a JSON string, as MetaMask-style callers do; and without EIP712Domain, made from the domain.
        String withoutDomainType = JSON.readTree(MAIL).deepCopy().toString().replaceFirst("\"EIP712Domain\":\\[[^]]*],", "");
        assertThat(call("eth_signTypedData_v4", "[\"" + DEV0 + "\", " + JSON.writeValueAsString(withoutDomainType) + "]"))
                .isEqualTo(call("eth_signTypedData_v4", "[\"" + DEV0 + "\", " + MAIL + "]"));
    }

    @Test
    void refusesUnknownAccountsAndBadTypedData() {
        assertThatThrownBy(() -> call("personal_sign", "[\"0x01\", \"0x0000000000000000000000000000000000000001\"]"))
                .isInstanceOf(RpcException.class).hasMessage("unknown account");
        assertThatThrownBy(() -> call("eth_signTypedData_v4", "[\"" + DEV0 + "\", " + MAIL.replace("\"int32\"", "\"int33\"") + "]"))
                .hasMessageContaining("Mail.delta: unknown type int33");
        assertThatThrownBy(() -> call("eth_signTypedData_v4", "[\"" + DEV0 + "\", " + MAIL.replace("-42", "-2147483649") + "]"))
                .hasMessageContaining("message.delta: -2147483649 does not fit int32");
        assertThatThrownBy(() -> call("eth_signTypedData_v4", "[\"" + DEV0 + "\", " + MAIL.replace("\"contents\": \"Hello, Bob!\", ", "") + "]"))
                .hasMessageContaining("message.contents: missing");
    }
}
