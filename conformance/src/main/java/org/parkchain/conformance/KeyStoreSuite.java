package org.parkchain.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "keystore";
    }

    @Override
    public void runFile(Path file, String fork, Report report) {
        JsonNode tests;
        try {
            tests = JSON.readTree(file.toFile());
        } catch (IOException e) {
            report.fail(file + ": cannot read: " + e.getMessage());
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tests.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> test = it.next();
            String where = file.getFileName() + " " + test.getKey();
            try {
                String difference = run(test.getValue());
                if (difference == null) {
                    report.pass();
                } else {
                    report.fail(where + ": " + difference);
                }
            } catch (RuntimeException e) {
                report.fail(where + ": " + e);
            }
        }
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
