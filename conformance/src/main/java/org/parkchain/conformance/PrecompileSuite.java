package org.parkchain.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.parkchain.evm.precompile.P256Verify;
import org.parkchain.evm.precompile.Precompile;
import org.parkchain.evm.precompile.bls.Bls12381Precompiles;
import org.parkchain.evm.precompile.bls.Outcome;
import org.parkchain.primitives.Hex;

/**
 * The EIPs' own precompile vectors: EIP-2537 (BLS12-381, files named after the operation, e.g. {@code
 * msm_G1_bls.json}) and EIP-7951 (P256VERIFY, {@code test-vectors.json} in a folder named {@code eip-7951}). Each
 * file is an array of cases with {@code Input} and either {@code Expected} and {@code Gas}, or ({@code fail-*}
 * files) {@code ExpectedError}: such an input must be refused, for that reason.
 *
 * <p>P256VERIFY's gas is checked against EIP-7951 (6,900 per call), not against the file's {@code Gas}, which still
 * holds the 3,450 of the earlier RIP-7212. The vectors do not depend on the fork, so {@code --fork} is ignored.
 */
public final class PrecompileSuite implements ConformanceSuite {
    @Override
    public String name() {
        return "precompiles";
    }

    @Override
    public void runFile(Path file, String fork, Report report) {
        String name = file.getFileName().toString();
        boolean mustFail = name.startsWith("fail-");
        Optional<Bls12381Precompiles> bls = blsOperation(mustFail ? name.substring("fail-".length()) : name);
        if (bls.isPresent()) {
            CaseFile.forEachCase(file, report, test -> checkBls(bls.get(), test, mustFail));
        } else if (name.equals("test-vectors.json") && file.getParent() != null
                && file.getParent().getFileName().toString().equals("eip-7951")) {
            CaseFile.forEachCase(file, report, PrecompileSuite::checkP256);
        } else {
            report.fail(file + ": no precompile is known for this file name");
        }
    }

    private static Optional<Bls12381Precompiles> blsOperation(String fileName) {
        return Optional.ofNullable(switch (fileName) {
            case "add_G1_bls.json" -> Bls12381Precompiles.G1ADD;
            case "msm_G1_bls.json" -> Bls12381Precompiles.G1MSM;
            case "add_G2_bls.json" -> Bls12381Precompiles.G2ADD;
            case "msm_G2_bls.json" -> Bls12381Precompiles.G2MSM;
            case "pairing_check_bls.json" -> Bls12381Precompiles.PAIRING_CHECK;
            case "map_fp_to_G1_bls.json" -> Bls12381Precompiles.MAP_FP_TO_G1;
            case "map_fp2_to_G2_bls.json" -> Bls12381Precompiles.MAP_FP2_TO_G2;
            default -> null;
        });
    }

    private static String checkBls(Bls12381Precompiles operation, JsonNode test, boolean mustFail) {
        byte[] input = Hex.decode(test.get("Input").asText());
        Outcome outcome = operation.evaluate(input);
        if (mustFail) {
            String expected = test.get("ExpectedError").asText();
            return switch (outcome) {
                case Outcome.Output out -> "accepted an invalid input (expected '" + expected + "'), output " + Hex.encode(out.bytes());
                case Outcome.Invalid invalid -> invalid.reason().equals(expected)
                        ? null
                        : "refused for '" + invalid.reason() + "', expected '" + expected + "'";
            };
        }
        if (outcome instanceof Outcome.Invalid invalid) return "refused a valid input: " + invalid.reason();
        return compare(((Outcome.Output) outcome).bytes(), test, operation.gas(input), test.get("Gas").asLong());
    }

    private static String checkP256(JsonNode test) {
        Precompile p256 = new P256Verify();
        byte[] input = Hex.decode(test.get("Input").asText());
        byte[] output = p256.compute(input).orElse(null);
        if (output == null) return "the call failed; P256VERIFY never fails";
        return compare(output, test, p256.gas(input), P256Verify.GAS);
    }

    private static String compare(byte[] output, JsonNode test, long gas, long expectedGas) {
        byte[] expected = Hex.decode(test.get("Expected").asText());
        if (!Arrays.equals(output, expected)) {
            return "output " + Hex.encode(output) + ", expected " + Hex.encode(expected);
        }
        return gas == expectedGas ? null : "gas " + gas + ", expected " + expectedGas;
    }
}
