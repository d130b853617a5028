package org.parkchain.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkchain.chain.Genesis;
import org.parkchain.evm.Assembler;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.rpc.RpcException;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.RpcParams;

/**
 * eth_simulateV1 over a fake backend, against the execution-apis specification's examples (tests/eth_simulateV1:
 * their requests, and the members of their answers that do not depend on the test chain's own blocks) and geth's
 * error codes.
 */
class SimulateMethodsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stores 42 in slot 0, emits LOG1(0x77) with the 32-byte word 42, returns it; with calldata, reverts Error("nope"). */
    private static final Address LOGGER = Address.fromLong(0xaa);
    /** Returns BLOCKHASH(NUMBER - 1), NUMBER and TIMESTAMP. */
    private static final Address BLOCK_INFO = Address.fromLong(0xbb);
    /** A contract holding funds: a simulation may send from it (it asserts its senders). */
    private static final Address FUNDED_CONTRACT = Address.fromLong(0xcc);
    /** Clears its slot 0, which holds 1: the refund makes gasUsed less than the gas the call needed. */
    private static final Address CLEARER = Address.fromLong(0xdd);

    /** ethSimulate-run-out-of-gas-in-block-38015's contract: f(n) spends n gas in a GAS loop. */
    private static final String GAS_SPENDER = "0x608060405234801561001057600080fd5b506004361061002b5760003560e01c8063815b8ab414610030575b600080fd5b61004a600480360381019061004591906100b6565b61004c565b005b60005a90505b60011561007657815a826100669190610112565b106100715750610078565b610052565b505b50565b600080fd5b6000819050919050565b61009381610080565b811461009e57600080fd5b50565b6000813590506100b08161008a565b92915050565b6000602082840312156100cc576100cb61007b565b5b60006100da848285016100a1565b91505092915050565b7f4e487b7100000000000000000000000000000000000000000000000000000000600052601160045260246000fd5b600061011d82610080565b915061012883610080565b92508282039050818111156101405761013f6100e3565b5b9291505056fea2646970667358221220a659ba4db729a6ee4db02fcc5c1118db53246b0e5e686534fc9add6f2e93faec64736f6c63430008120033";

    /** ethSimulate-override-storage-slots.io's contract: setValue(slot, value), getValue(slot) for slots 0 and 1. */
    private static final String SLOTS = "0x608060405234801561001057600080fd5b506004361061004c5760003560e01c80630ff4c916146100515780633033413b1461008157806344e12f871461009f5780637b8d56e3146100bd575b600080fd5b61006b600480360381019061006691906101f6565b6100d9565b6040516100789190610232565b60405180910390f35b61008961013f565b6040516100969190610232565b60405180910390f35b6100a7610145565b6040516100b49190610232565b60405180910390f35b6100d760048036038101906100d2919061024d565b61014b565b005b60006002821061011e576040517f08c379a0000000000000000000000000000000000000000000000000000000008152600401610115906102ea565b60405180910390fd5b6000820361012c5760005490505b6001820361013a5760015490505b919050565b60015481565b60005481565b6002821061018e576040517f08c379a0000000000000000000000000000000000000000000000000000000008152600401610185906102ea565b60405180910390fd5b600082036101a257806000819055506101b7565b600182036101b657806001819055506101b7565b5b5050565b600080fd5b6000819050919050565b6101d3816101c0565b81146101de57600080fd5b50565b6000813590506101f0816101ca565b92915050565b60006020828403121561020c5761020b6101bb565b5b600061021a848285016101e1565b91505092915050565b61022c816101c0565b82525050565b60006020820190506102476000830184610223565b92915050565b60008060408385031215610264576102636101bb565b5b6000610272858286016101e1565b9250506020610283858286016101e1565b9150509250929050565b600082825260208201905092915050565b7f746f6f2062696720736c6f740000000000000000000000000000000000000000600082015250565b60006102d4600c8361028d565b91506102df8261029e565b602082019050919050565b60006020820190508181036000830152610303816102c7565b905091905056fea2646970667358221220ceea194bb66b5b9f52c83e5bf5a1989255de8cb7157838eff98f970c3a04cb3064736f6c63430008120033";

    private final FakeBackend backend = FakeBackend.dev(Map.of(
            LOGGER, code("""
                    CALLDATASIZE :bad JUMPI
                    PUSH 42 PUSH0 SSTORE
                    PUSH 42 PUSH0 MSTORE PUSH 0x77 PUSH 32 PUSH0 LOG1
                    PUSH 32 PUSH0 RETURN
                    @bad
                    PUSH4 0x08c379a0 PUSH 0xe0 SHL PUSH0 MSTORE
                    PUSH 0x20 PUSH 4 MSTORE
                    PUSH 4 PUSH 0x24 MSTORE
                    PUSH4 0x6e6f7065 PUSH 0xe0 SHL PUSH 0x44 MSTORE
                    PUSH 0x64 PUSH0 REVERT
                    """, UInt256.ZERO),
            BLOCK_INFO, code("PUSH 1 NUMBER SUB BLOCKHASH PUSH0 MSTORE NUMBER PUSH 32 MSTORE TIMESTAMP PUSH 64 MSTORE"
                    + " PUSH 96 PUSH0 RETURN", UInt256.ZERO),
            FUNDED_CONTRACT, code("STOP", UInt256.of(1_000_000_000_000_000_000L)),
            CLEARER, new Genesis.GenesisAccount(UInt256.ZERO, 1, Assembler.assemble("PUSH0 PUSH0 SSTORE"),
                    Map.of(UInt256.ZERO, UInt256.ONE))));

    private static Genesis.GenesisAccount code(String asm, UInt256 balance) {
        return new Genesis.GenesisAccount(balance, 1, Assembler.assemble(asm), Map.of());
    }

    private JsonNode simulate(String payload) throws Exception {
        RpcMethods methods = new RpcMethods();
        new SimulateMethods(backend, EthApiConfig.defaults()).registerInto(methods);
        return (JsonNode) methods.find("eth_simulateV1").orElseThrow()
                .call(RpcParams.of(JSON.readTree("[" + payload + ", \"latest\"]")));
    }

    private RpcException refused(String payload) {
        return catchThrowableOfType(RpcException.class, () -> simulate(payload));
    }

    private long head() {
        return backend.head().header().number();
    }

    private static String q(long v) {
        return "0x" + Long.toHexString(v);
    }

    @Test
    void simpleTransfersTheSpecsFirstExample() throws Exception {
        // ethSimulate-simple.io: 1000 wei from 0xc0… (balance overridden) to 0xc1…, then on to 0xc2….
        JsonNode result = simulate("""
                {"blockStateCalls":[{"stateOverrides":{"0xc000000000000000000000000000000000000000":{"balance":"0x3e8"}},
                 "calls":[{"from":"0xc000000000000000000000000000000000000000","to":"0xc100000000000000000000000000000000000000","value":"0x3e8"},
                          {"from":"0xc100000000000000000000000000000000000000","to":"0xc200000000000000000000000000000000000000","value":"0x3e8"}]}]}""");
        assertThat(result).hasSize(1);
        JsonNode block = result.get(0);
        assertThat(JSON.readTree("""
                [{"returnData":"0x","logs":[],"gasUsed":"0x5208","maxUsedGas":"0x5208","status":"0x1"},
                 {"returnData":"0x","logs":[],"gasUsed":"0x5208","maxUsedGas":"0x5208","status":"0x1"}]""")).isEqualTo(block.get("calls"));
        assertThat(block.get("number").textValue()).isEqualTo(q(head() + 1));
        assertThat(block.get("timestamp").textValue()).isEqualTo(q(backend.head().header().timestamp() + 12));
        assertThat(block.get("baseFeePerGas").textValue()).isEqualTo("0x0");
        assertThat(block.get("gasUsed").textValue()).isEqualTo("0xa410");
        assertThat(block.get("parentHash").textValue()).isEqualTo(backend.head().hash().toHex());
        assertThat(block.get("transactions")).hasSize(2);
        assertThat(block.get("transactions").get(0).isTextual()).isTrue();
        // Nothing was committed anywhere.
        assertThat(backend.chain.state(backend.chain.head()).balance(Address.fromHex("0xc200000000000000000000000000000000000000")))
                .isEqualTo(UInt256.ZERO);
    }

    @Test
    void aBlockThatRunsOutOfGasFailsItsLastCallWithTheVmErrorCode() throws Exception {
        // ethSimulate-run-out-of-gas-in-block-38015.io: each call spends 1,000,000 gas of a 1,500,000 block; the
        // second gets what is left and runs out.
        JsonNode result = simulate("""
                {"blockStateCalls":[{"blockOverrides":{"gasLimit":"0x16e360"},
                  "stateOverrides":{"0xc000000000000000000000000000000000000000":{"balance":"0x1e8480"},
                                    "0xc200000000000000000000000000000000000000":{"code":"%s"}}},
                 {"calls":[{"from":"0xc000000000000000000000000000000000000000","to":"0xc200000000000000000000000000000000000000","input":"0x815b8ab400000000000000000000000000000000000000000000000000000000000f4240"},
                           {"from":"0xc000000000000000000000000000000000000000","to":"0xc200000000000000000000000000000000000000","input":"0x815b8ab400000000000000000000000000000000000000000000000000000000000f4240"}]}]}"""
                .formatted(GAS_SPENDER));
        assertThat(result).hasSize(2);
        assertThat(result.get(0).get("calls")).isEmpty();
        assertThat(result.get(0).get("gasLimit").textValue()).isEqualTo("0x16e360");
        assertThat(result.get(1).get("gasLimit").textValue()).isEqualTo("0x16e360"); // inherited from its parent
        assertThat(result.get(1).get("calls")).isEqualTo(JSON.readTree("""
                [{"returnData":"0x","logs":[],"gasUsed":"0xf983f","maxUsedGas":"0xf983f","status":"0x1"},
                 {"returnData":"0x","logs":[],"gasUsed":"0x74b21","maxUsedGas":"0x74b21","status":"0x0","error":{"message":"out of gas","code":-32015}}]"""));
        assertThat(result.get(1).get("gasUsed").textValue()).isEqualTo("0x16e360");
        assertThat(result.get(1).get("parentHash")).isEqualTo(result.get(0).get("hash"));
    }

    @Test
    void maxUsedGasIsTheGasBeforeTheRefund() throws Exception {
        JsonNode call = simulate("""
                {"blockStateCalls":[{"calls":[{"from":"0xc000000000000000000000000000000000000000","to":"%s"}]}]}"""
                .formatted(CLEARER.toHex())).at("/0/calls/0");
        long gasUsed = Long.decode(call.get("gasUsed").textValue());
        long maxUsed = Long.decode(call.get("maxUsedGas").textValue());
        // 21,000 + PUSH0 twice + a cold SSTORE clearing a slot (2,100 + 2,900), then its 4,800 refund (EIP-3529,
        // under a fifth of the gas used)
        assertThat(maxUsed).isEqualTo(21_000 + 2 + 2 + 2_100 + 2_900);
        assertThat(gasUsed).isEqualTo(maxUsed - 4_800);
    }

    @Test
    void storageOverridesStateDiffKeepsTheOtherSlotsStateClearsThem() throws Exception {
        // ethSimulate-override-storage-slots.io: set slots 0 and 1 to 1 and 2, read them; a stateDiff on slot 0 keeps
        // slot 1; a state on slot 0 clears slot 1. Gas as the specification's answer.
        String get0 = "{\"from\":\"0xc000000000000000000000000000000000000000\",\"to\":\"0xc100000000000000000000000000000000000000\",\"input\":\"0x0ff4c9160000000000000000000000000000000000000000000000000000000000000000\"}";
        String get1 = "{\"from\":\"0xc000000000000000000000000000000000000000\",\"to\":\"0xc100000000000000000000000000000000000000\",\"input\":\"0x0ff4c9160000000000000000000000000000000000000000000000000000000000000001\"}";
        JsonNode result = simulate("""
                {"blockStateCalls":[
                  {"stateOverrides":{"0xc000000000000000000000000000000000000000":{"balance":"0x7d0"},
                                     "0xc100000000000000000000000000000000000000":{"code":"%s"}},
                   "calls":[{"from":"0xc000000000000000000000000000000000000000","to":"0xc100000000000000000000000000000000000000","input":"0x7b8d56e300000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001"},
                            {"from":"0xc000000000000000000000000000000000000000","to":"0xc100000000000000000000000000000000000000","input":"0x7b8d56e300000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000002"},
                            %s, %s]},
                  {"stateOverrides":{"0xc100000000000000000000000000000000000000":{"stateDiff":{"0x0000000000000000000000000000000000000000000000000000000000000000":"0x1200000000000000000000000000000000000000000000000000000000000000"}}},
                   "calls":[%s, %s]},
                  {"stateOverrides":{"0xc100000000000000000000000000000000000000":{"state":{"0x0000000000000000000000000000000000000000000000000000000000000000":"0x1200000000000000000000000000000000000000000000000000000000000000"}}},
                   "calls":[%s, %s]}],
                 "traceTransfers":true,"returnFullTransactions":true}"""
                .formatted(SLOTS, get0, get1, get0, get1, get0, get1));
        assertThat(result.get(0).get("calls")).isEqualTo(JSON.readTree("""
                [{"returnData":"0x","logs":[],"gasUsed":"0xac5e","maxUsedGas":"0xac5e","status":"0x1"},
                 {"returnData":"0x","logs":[],"gasUsed":"0xac81","maxUsedGas":"0xac81","status":"0x1"},
                 {"returnData":"0x0000000000000000000000000000000000000000000000000000000000000001","logs":[],"gasUsed":"0x5d85","maxUsedGas":"0x5d85","status":"0x1"},
                 {"returnData":"0x0000000000000000000000000000000000000000000000000000000000000002","logs":[],"gasUsed":"0x5d91","maxUsedGas":"0x5d91","status":"0x1"}]"""));
        assertThat(result.get(1).get("calls")).isEqualTo(JSON.readTree("""
                [{"returnData":"0x1200000000000000000000000000000000000000000000000000000000000000","logs":[],"gasUsed":"0x5d85","maxUsedGas":"0x5d85","status":"0x1"},
                 {"returnData":"0x0000000000000000000000000000000000000000000000000000000000000002","logs":[],"gasUsed":"0x5d91","maxUsedGas":"0x5d91","status":"0x1"}]"""));
        assertThat(result.get(2).get("calls")).isEqualTo(JSON.readTree("""
                [{"returnData":"0x1200000000000000000000000000000000000000000000000000000000000000","logs":[],"gasUsed":"0x5d85","maxUsedGas":"0x5d85","status":"0x1"},
                 {"returnData":"0x0000000000000000000000000000000000000000000000000000000000000000","logs":[],"gasUsed":"0x5d91","maxUsedGas":"0x5d91","status":"0x1"}]"""));
        assertThat(result.at("/0/gasUsed").textValue()).isEqualTo("0x213f5");
        // Full transactions: the caller as from, nonces counting up across blocks, no fees.
        assertThat(result.at("/2/transactions/1/from").textValue()).isEqualTo("0xc000000000000000000000000000000000000000");
        assertThat(result.at("/2/transactions/1/nonce").textValue()).isEqualTo("0x7");
        assertThat(result.at("/2/transactions/1/maxFeePerGas").textValue()).isEqualTo("0x0");
    }

    @Test
    void logsRevertsAndFullTransactions() throws Exception {
        JsonNode result = simulate("""
                {"blockStateCalls":[{"calls":[
                   {"from":"0xc000000000000000000000000000000000000000","to":"%1$s"},
                   {"from":"0xc000000000000000000000000000000000000000","to":"%1$s","input":"0x01"}]}],
                 "returnFullTransactions":true}""".formatted(LOGGER.toHex()));
        JsonNode block = result.get(0);
        JsonNode ok = block.at("/calls/0");
        assertThat(ok.get("status").textValue()).isEqualTo("0x1");
        assertThat(ok.get("returnData").textValue()).isEqualTo("0x" + "00".repeat(31) + "2a");
        JsonNode log = ok.at("/logs/0");
        assertThat(log.get("address").textValue()).isEqualTo(LOGGER.toHex());
        assertThat(log.at("/topics/0").textValue()).isEqualTo("0x" + "00".repeat(31) + "77");
        assertThat(log.get("blockHash")).isEqualTo(block.get("hash"));
        assertThat(log.get("blockNumber")).isEqualTo(block.get("number"));
        assertThat(log.get("blockTimestamp")).isEqualTo(block.get("timestamp"));
        assertThat(log.get("transactionHash")).isEqualTo(block.at("/transactions/0/hash"));
        assertThat(log.get("logIndex").textValue()).isEqualTo("0x0");

        JsonNode reverted = block.at("/calls/1");
        assertThat(reverted.get("status").textValue()).isEqualTo("0x0");
        assertThat(reverted.get("returnData").textValue()).isEqualTo("0x");
        assertThat(reverted.get("logs")).isEmpty();
        assertThat(reverted.at("/error/code").intValue()).isEqualTo(3);
        assertThat(reverted.at("/error/message").textValue()).isEqualTo("execution reverted: nope");
        assertThat(reverted.at("/error/data").textValue()).startsWith("0x08c379a0");

        JsonNode tx = block.at("/transactions/1");
        assertThat(tx.get("from").textValue()).isEqualTo("0xc000000000000000000000000000000000000000");
        assertThat(tx.get("to").textValue()).isEqualTo(LOGGER.toHex());
        assertThat(tx.get("input").textValue()).isEqualTo("0x01");
        assertThat(tx.get("blockHash")).isEqualTo(block.get("hash"));
        assertThat(tx.get("nonce").textValue()).isEqualTo("0x1"); // after the first call's
    }

    @Test
    void traceTransfersAddsEtherMovementsAsErc20TransferLogs() throws Exception {
        JsonNode result = simulate("""
                {"blockStateCalls":[{"stateOverrides":{"0xc000000000000000000000000000000000000000":{"balance":"0x7d0"}},
                  "calls":[{"from":"0xc000000000000000000000000000000000000000","to":"0xc100000000000000000000000000000000000000","value":"0x3e8"},
                           {"from":"0xc000000000000000000000000000000000000000","to":"%s","value":"0x1"}]}],
                 "traceTransfers":true}""".formatted(LOGGER.toHex()));
        JsonNode transfer = result.at("/0/calls/0/logs/0");
        assertThat(transfer.get("address").textValue()).isEqualTo("0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
        assertThat(transfer.get("topics")).isEqualTo(JSON.readTree("""
                ["0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
                 "0x000000000000000000000000c000000000000000000000000000000000000000",
                 "0x000000000000000000000000c100000000000000000000000000000000000000"]"""));
        assertThat(transfer.get("data").textValue()).isEqualTo("0x" + "00".repeat(30) + "03e8");
        // The transfer comes before the logs of the code it pays; log indexes run on through the block.
        JsonNode second = result.at("/0/calls/1/logs");
        assertThat(second).hasSize(2);
        assertThat(second.at("/0/address").textValue()).isEqualTo("0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
        assertThat(second.at("/1/address").textValue()).isEqualTo(LOGGER.toHex());
        assertThat(second.at("/1/logIndex").textValue()).isEqualTo("0x2");
        // Without the switch, ether moves without logs.
        JsonNode plain = simulate("""
                {"blockStateCalls":[{"stateOverrides":{"0xc000000000000000000000000000000000000000":{"balance":"0x7d0"}},
                  "calls":[{"from":"0xc000000000000000000000000000000000000000","to":"0xc100000000000000000000000000000000000000","value":"0x3e8"}]}]}""");
        assertThat(plain.at("/0/calls/0/logs")).isEmpty();
    }

    @Test
    void blocksFollowEachOtherGapsAreFilledAndStateCarriesOver() throws Exception {
        long base = head();
        long baseTime = backend.head().header().timestamp();
        JsonNode result = simulate("""
                {"blockStateCalls":[
                  {"stateOverrides":{"0xc000000000000000000000000000000000000000":{"balance":"0x3e8"}},
                   "calls":[{"from":"0xc000000000000000000000000000000000000000","to":"0xc100000000000000000000000000000000000000","value":"0x3e8"}]},
                  {"blockOverrides":{"number":"%s","time":"%s","feeRecipient":"0xc300000000000000000000000000000000000000"},
                   "calls":[{"from":"0xc100000000000000000000000000000000000000","to":"0xc200000000000000000000000000000000000000","value":"0x3e8"},
                            {"from":"0xc100000000000000000000000000000000000000","to":"%s"}]}]}"""
                .formatted(q(base + 4), q(baseTime + 1000), BLOCK_INFO.toHex()));
        assertThat(result).hasSize(4); // blocks base+2 and base+3 fill the gap, empty, 12 s apart
        assertThat(result.get(1).get("number").textValue()).isEqualTo(q(base + 2));
        assertThat(result.get(1).get("timestamp").textValue()).isEqualTo(q(baseTime + 24));
        assertThat(result.get(2).get("calls")).isEmpty();
        JsonNode last = result.get(3);
        assertThat(last.get("miner").textValue()).isEqualTo("0xc300000000000000000000000000000000000000");
        assertThat(last.at("/calls/0/status").textValue()).isEqualTo("0x1"); // the funds arrived in the first block
        // BLOCKHASH(n - 1), NUMBER and TIMESTAMP inside the simulated block
        String info = last.at("/calls/1/returnData").textValue();
        assertThat(info.substring(2, 66)).isEqualTo(result.get(2).get("hash").textValue().substring(2));
        assertThat(Long.parseLong(info.substring(66, 130), 16)).isEqualTo(base + 4);
        assertThat(Long.parseLong(info.substring(130, 194), 16)).isEqualTo(baseTime + 1000);
    }

    @Test
    void aSenderWithCodeMaySendAndValidationChecksNonceFeesAndFunds() throws Exception {
        JsonNode fromContract = simulate("""
                {"blockStateCalls":[{"calls":[{"from":"%s","to":"0xc100000000000000000000000000000000000000","value":"0x1",
                  "maxFeePerGas":"0x3b9aca00","maxPriorityFeePerGas":"0x1"}]}],
                 "validation":true}""".formatted(FUNDED_CONTRACT.toHex()));
        assertThat(fromContract.at("/0/calls/0/status").textValue()).isEqualTo("0x1");
        assertThat(fromContract.at("/0/baseFeePerGas").textValue()).isNotEqualTo("0x0"); // computed from the parent

        // ethSimulate-basefee-too-low-with-validation-38012.io
        RpcException fee = refused("""
                {"blockStateCalls":[{"blockOverrides":{"baseFeePerGas":"0xa"},"stateOverrides":{"0xc000000000000000000000000000000000000000":{"balance":"0x7d0"}},
                  "calls":[{"from":"0xc000000000000000000000000000000000000000","to":"0xc100000000000000000000000000000000000000","maxFeePerGas":"0x0","maxPriorityFeePerGas":"0x0"}]}],
                 "validation":true}""");
        assertThat(fee.error().code()).isEqualTo(-38012);
        assertThat(fee.error().message()).startsWith("max fee per gas less than block base fee");
        // Without validation the same call runs (geth's NoBaseFee for calls that pay nothing).
        assertThat(simulate("""
                {"blockStateCalls":[{"blockOverrides":{"baseFeePerGas":"0xa"},
                  "calls":[{"from":"0xc000000000000000000000000000000000000000","to":"0xc100000000000000000000000000000000000000"}]}]}""")
                .at("/0/calls/0/status").textValue()).isEqualTo("0x1");

        RpcException nonce = refused("""
                {"blockStateCalls":[{"stateOverrides":{"0xc000000000000000000000000000000000000000":{"nonce":"0xa"}},
                  "calls":[{"from":"0xc000000000000000000000000000000000000000","to":"0xc100000000000000000000000000000000000000","nonce":"0x0"}]}],
                 "validation":true}""");
        assertThat(nonce.error().code()).isEqualTo(-38010);
        RpcException high = refused("""
                {"blockStateCalls":[{"calls":[{"from":"0xc000000000000000000000000000000000000000","to":"0xc100000000000000000000000000000000000000","nonce":"0x5"}]}],
                 "validation":true}""");
        assertThat(high.error().code()).isEqualTo(-38011);

        // ethSimulate-simple-no-funds: value without the balance
        RpcException funds = refused("""
                {"blockStateCalls":[{"calls":[{"from":"0xc000000000000000000000000000000000000000","to":"0xc100000000000000000000000000000000000000","value":"0x3e8"}]}]}""");
        assertThat(funds.error().code()).isEqualTo(-38014);
        RpcException intrinsic = refused("""
                {"blockStateCalls":[{"calls":[{"from":"0xc000000000000000000000000000000000000000","to":"0xc100000000000000000000000000000000000000","gas":"0x1"}]}]}""");
        assertThat(intrinsic.error().code()).isEqualTo(-38013);
    }

    @Test
    void numbersTimestampsAndLimitsAreCheckedWithGethsCodes() throws Exception {
        long base = head();
        RpcException order = refused("""
                {"blockStateCalls":[{"blockOverrides":{"number":"%1$s"}},{"blockOverrides":{"number":"%1$s"}}]}"""
                .formatted(q(base + 5)));
        assertThat(order.error().code()).isEqualTo(-38020);
        assertThat(order.error().message()).isEqualTo("block numbers must be in order: " + (base + 5) + " <= " + (base + 5));
        RpcException time = refused("""
                {"blockStateCalls":[{"blockOverrides":{"time":"0x0"}}]}""");
        assertThat(time.error().code()).isEqualTo(-38021);
        RpcException far = refused("""
                {"blockStateCalls":[{"blockOverrides":{"number":"%s"}}]}""".formatted(q(base + 257)));
        assertThat(far.error().code()).isEqualTo(-38026);
        assertThat(far.error().message()).isEqualTo("too many blocks");
        assertThat(simulate("""
                {"blockStateCalls":[{"blockOverrides":{"number":"%s"}}]}""".formatted(q(base + 256)))).hasSize(256);
        RpcException many = refused("{\"blockStateCalls\":[" + "{},".repeat(256) + "{}]}");
        assertThat(many.error().code()).isEqualTo(-38026);
        RpcException calls = refused("{\"blockStateCalls\":[{\"calls\":[" + "{},".repeat(5000) + "{}]}]}");
        assertThat(calls.error().code()).isEqualTo(-38026);
        assertThat(calls.error().message()).isEqualTo("too many calls in block: 5001 > 5000");
        RpcException gas = refused("""
                {"blockStateCalls":[{"blockOverrides":{"gasLimit":"0x5208"},
                  "calls":[{"from":"0xc000000000000000000000000000000000000000","to":"0xc100000000000000000000000000000000000000","gas":"0x5209"}]}]}""");
        assertThat(gas.error().code()).isEqualTo(-38015);

        RpcException empty = refused("{\"blockStateCalls\":[]}");
        assertThat(empty.error().code()).isEqualTo(-32602);
        assertThat(empty.error().message()).isEqualTo("empty input");
        RpcException unknown = refused("{\"blockStateCalls\":[{\"blockOverrides\":{\"blobBaseFee\":\"0x1\"}}]}");
        assertThat(unknown.error().code()).isEqualTo(-32602);
        assertThat(unknown.error().message()).contains("blockStateCalls[0].blockOverrides.blobBaseFee cannot be overridden");
        RpcException typo = refused("{\"blockStateCalls\":[{\"call\":[]}]}");
        assertThat(typo.error().message()).contains("blockStateCalls[0]: unknown member 'call'");
    }
}
