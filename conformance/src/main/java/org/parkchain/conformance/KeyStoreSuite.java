package org.parkchain.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.keystore.KeyFile;

/**
 * ethereum/tests KeyStoreTests: each case is a Web3 Secret Storage file ({@code json}), its {@code password} and
 * the private key ({@code priv}) it must open to. The file goes through {@link KeyFile} exactly as a user's would,
 * default cost limits included; a case passes when it opens to that key. (Writing key files is covered by the
 * primitives tests; repeating each file's KDF here would double the suite's time for no new evidence.)
 */
public final class KeyStoreSuite implements ConformanceSuite {
    @Override
    public String name() {
        return "keystore";
    }

    @Override
    public void runFile(Path file, String fork, Report report) {
        CaseFile.forEachCase(file, report, test -> run(test));
    }

    private static String run(JsonNode test) {
        String keyFile = test.get("json").toString(); // JsonNode prints itself as JSON
        String password = test.get("password").asText();
        String expected = Hex.encode(Hex.decode(test.get("priv").asText()));
        PrivateKey key = KeyFile.parse(keyFile).decrypt(password);
        String actual = Hex.encode(key.toArray());
        return actual.equals(expected) ? null : "opened to key " + actual + ", expected " + expected;
    }
}
