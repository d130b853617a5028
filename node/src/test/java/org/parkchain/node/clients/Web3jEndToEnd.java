package org.parkchain.node.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.abi.CustomErrorEncoder;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.ContractUtils;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.protocol.websocket.events.LogNotification;
import org.web3j.protocol.websocket.events.NewHeadsNotification;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;
import org.parkchain.node.NodeProcess;

/**
 * web3j 6, the Java client people use, against a node started by the subclass: deploys the solc-compiled
 * {@code clients/contracts/TestToken.sol}, transfers, reads Transfer events with eth_getLogs filters, decodes
 * revert reasons and custom errors from eth_call and eth_estimateGas, and receives newHeads and logs over
 * WebSocket. Accounts come from the standard test mnemonic, as Parkchain's and Hardhat's dev chains fund them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Web3jEndToEnd {
    private static final String TEST_MNEMONIC = "test test test test test test test test test test test junk";
    private static final BigInteger SUPPLY = BigInteger.TEN.pow(24);
    private static final String DEAD = "0x000000000000000000000000000000000000dead";
    private static final Event TRANSFER = new Event("Transfer", List.of(
            new TypeReference<Address>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Uint256>() {}));
    private static final String TRANSFER_TOPIC = EventEncoder.encode(TRANSFER);

    private NodeProcess node;
    private Web3j web3j;
    private long chainId;
    private PollingTransactionReceiptProcessor receipts;
    private ClientsProject.Artifact artifact;
    private Credentials alice;
    private Credentials bob;
    private Credentials carol;
    private TransactionReceipt deployment;
    private String token;

    /** Starts the node under test. */
    abstract NodeProcess startNode(ClientsProject clients);

    /**
     * The JSON-RPC error code of a reverted eth_call or eth_estimateGas: geth (and Parkchain) answer 3 with the
     * revert data as a hex string in {@code error.data}; Hardhat answers -32603 with it in {@code error.data.data}.
     */
    abstract int revertErrorCode();

    @BeforeAll
    void deployToken() throws Exception {
        ClientsProject clients = ClientsProject.requireInstalled();
        artifact = clients.compile("TestToken");
        node = startNode(clients);
        web3j = Web3j.build(new HttpService(node.endpoint().http().toString()));
        chainId = web3j.ethChainId().send().getChainId().longValueExact();
        receipts = new PollingTransactionReceiptProcessor(web3j, 50, 600);
        alice = testAccount(0);
        bob = testAccount(1);
        carol = testAccount(2);

        String constructorArgs = FunctionEncoder.encodeConstructor(List.of(
                new Utf8String("Park Test Token"), new Utf8String("PTT"), new Uint256(SUPPLY)));
        BigInteger nonce = nonce(alice);
        deployment = send(alice, "", artifact.bytecode() + constructorArgs, BigInteger.valueOf(1_000_000));
        token = deployment.getContractAddress();
        assertThat(token).as("contract address of the deployment").isEqualTo(ContractUtils.generateContractAddress(alice.getAddress(), nonce));
    }

    @AfterAll
    void stopNode() {
        if (web3j != null) {
            web3j.shutdown();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void deploymentReceiptAndCodeAreThere() throws IOException {
        assertThat(deployment.isStatusOK()).isTrue();
        assertThat(web3j.ethGetCode(token, DefaultBlockParameterName.LATEST).send().getCode()).isEqualTo(artifact.deployedBytecode());
        assertThat(callUint(alice, "totalSupply")).isEqualTo(SUPPLY);
        // the constructor's mint: Transfer(0x0 -> deployer)
        assertThat(deployment.getLogs()).singleElement().satisfies(log -> {
            assertThat(log.getTopics()).containsExactly(TRANSFER_TOPIC, topic(Address.DEFAULT.getValue()), topic(alice.getAddress()));
            assertThat(Numeric.toBigInt(log.getData())).isEqualTo(SUPPLY);
        });
    }

    @Test
    void transferMovesBalanceAndEmitsTransfer() throws Exception {
        BigInteger before = callUint(bob, "balanceOf", new Address(bob.getAddress()));
        TransactionReceipt receipt = transfer(alice, bob.getAddress(), BigInteger.valueOf(1_000));
        assertThat(receipt.isStatusOK()).isTrue();
        assertThat(callUint(bob, "balanceOf", new Address(bob.getAddress()))).isEqualTo(before.add(BigInteger.valueOf(1_000)));
        Log log = receipt.getLogs().getFirst();
        assertThat(log.getAddress()).isEqualToIgnoringCase(token);
        assertThat(log.getTopics()).containsExactly(TRANSFER_TOPIC, topic(alice.getAddress()), topic(bob.getAddress()));
        assertThat(log.getTransactionHash()).isEqualTo(receipt.getTransactionHash());

        EthBlock.Block block = web3j.ethGetBlockByHash(receipt.getBlockHash(), false).send().getBlock();
        assertThat(block.getNumber()).isEqualTo(receipt.getBlockNumber());
        assertThat(block.getTransactions()).extracting(t -> (String) t.get()).contains(receipt.getTransactionHash());
        assertThat(block.getBaseFeePerGas()).isPositive();
    }

    @Test
    void getLogsFiltersByAddressAndTopics() throws Exception {
        TransactionReceipt toCarol = transfer(alice, carol.getAddress(), BigInteger.valueOf(77));
        TransactionReceipt toBob = transfer(alice, bob.getAddress(), BigInteger.valueOf(78));
        DefaultBlockParameter from = DefaultBlockParameter.valueOf(deployment.getBlockNumber());

        EthFilter aliceToCarol = new EthFilter(from, DefaultBlockParameterName.LATEST, token)
                .addSingleTopic(TRANSFER_TOPIC).addSingleTopic(topic(alice.getAddress())).addSingleTopic(topic(carol.getAddress()));
        assertThat(logs(aliceToCarol)).extracting(Log::getTransactionHash)
                .contains(toCarol.getTransactionHash()).doesNotContain(toBob.getTransactionHash());

        EthFilter toBobOrCarol = new EthFilter(from, DefaultBlockParameterName.LATEST, token)
                .addSingleTopic(TRANSFER_TOPIC).addNullTopic().addOptionalTopics(topic(bob.getAddress()), topic(carol.getAddress()));
        assertThat(logs(toBobOrCarol)).extracting(Log::getTransactionHash)
                .contains(toCarol.getTransactionHash(), toBob.getTransactionHash());

        EthFilter otherAddress = new EthFilter(from, DefaultBlockParameterName.LATEST, bob.getAddress());
        assertThat(logs(otherAddress)).isEmpty();

        EthFilter byBlockHash = new EthFilter(toCarol.getBlockHash(), token);
        assertThat(logs(byBlockHash)).extracting(Log::getTransactionHash).contains(toCarol.getTransactionHash());
    }

    @Test
    void estimateIsEnoughForTheTransfer() throws Exception {
        String data = encode("transfer", new Address(carol.getAddress()), new Uint256(5));
        BigInteger estimate = web3j.ethEstimateGas(Transaction.createEthCallTransaction(alice.getAddress(), token, data)).send().getAmountUsed();
        assertThat(estimate).isBetween(BigInteger.valueOf(21_000), BigInteger.valueOf(100_000));
        TransactionReceipt receipt = send(alice, token, data, estimate);
        assertThat(receipt.isStatusOK()).as("transfer with exactly the estimated gas").isTrue();
        assertThat(receipt.getGasUsed()).isLessThanOrEqualTo(estimate);
    }

    @Test
    void ethCallRevertCarriesTheReasonString() throws IOException {
        Response<?> response = web3j.ethCall(Transaction.createEthCallTransaction(DEAD, token, encode("burnAll")), DefaultBlockParameterName.LATEST).send();
        assertThat(errorString(revertData(response))).isEqualTo("TestToken: nothing to burn");
    }

    @Test
    void ethCallRevertCarriesTheCustomError() throws IOException {
        BigInteger balance = callUint(carol, "balanceOf", new Address(carol.getAddress()));
        String data = encode("transfer", new Address(bob.getAddress()), new Uint256(balance.add(BigInteger.ONE)));
        Response<?> response = web3j.ethCall(Transaction.createEthCallTransaction(carol.getAddress(), token, data), DefaultBlockParameterName.LATEST).send();
        List<Type> args = customError(revertData(response), "InsufficientBalance(address,uint256,uint256)",
                List.of(new TypeReference<Address>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}));
        assertThat(args).extracting(Type::getValue).containsExactly(carol.getAddress(), balance, balance.add(BigInteger.ONE));
    }

    @Test
    void failedEstimateGasCarriesReasonAndCustomError() throws IOException {
        String approveZero = encode("approve", new Address(Address.DEFAULT.getValue()), new Uint256(1));
        Response<?> reason = web3j.ethEstimateGas(Transaction.createEthCallTransaction(bob.getAddress(), token, approveZero)).send();
        assertThat(errorString(revertData(reason))).isEqualTo("TestToken: approve to the zero address");

        String transferFrom = encode("transferFrom", new Address(alice.getAddress()), new Address(carol.getAddress()), new Uint256(5));
        Response<?> custom = web3j.ethEstimateGas(Transaction.createEthCallTransaction(carol.getAddress(), token, transferFrom)).send();
        List<Type> args = customError(revertData(custom), "InsufficientAllowance(address,uint256,uint256)",
                List.of(new TypeReference<Address>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}));
        assertThat(args).extracting(Type::getValue).containsExactly(carol.getAddress(), BigInteger.ZERO, BigInteger.valueOf(5));
    }

    @Test
    void revertedTransactionIsMinedWithStatusZero() throws Exception {
        String data = encode("transfer", new Address(alice.getAddress()), new Uint256(SUPPLY.multiply(BigInteger.TWO)));
        TransactionReceipt receipt = send(bob, token, data, BigInteger.valueOf(100_000));
        assertThat(receipt.isStatusOK()).isFalse();
        assertThat(receipt.getStatus()).isEqualTo("0x0");
        assertThat(receipt.getLogs()).isEmpty();
        assertThat(receipt.getGasUsed()).isBetween(BigInteger.valueOf(21_000), BigInteger.valueOf(100_000));
    }

    @Test
    void webSocketDeliversNewHeadsAndTransferLogs() throws Exception {
        WebSocketService socket = new WebSocketService(node.endpoint().ws().toString(), false);
        socket.connect();
        Web3j ws = Web3j.build(socket);
        BlockingQueue<NewHeadsNotification> heads = new LinkedBlockingQueue<>();
        BlockingQueue<LogNotification> logs = new LinkedBlockingQueue<>();
        var headsSubscription = ws.newHeadsNotifications().subscribe(heads::add);
        var logsSubscription = ws.logsNotifications(List.of(token), List.of(TRANSFER_TOPIC)).subscribe(logs::add);
        try {
            // web3j subscribes asynchronously and cannot say when the node has registered the subscription, so a
            // transfer is sent again (at most three times) until one is reported; every report is checked.
            List<TransactionReceipt> sent = new ArrayList<>();
            NewHeadsNotification head = null;
            LogNotification log = null;
            for (int attempt = 0; attempt < 3 && (head == null || log == null); attempt++) {
                sent.add(transfer(alice, carol.getAddress(), BigInteger.valueOf(4_200 + attempt)));
                head = head != null ? head : heads.poll(3, TimeUnit.SECONDS);
                log = log != null ? log : logs.poll(3, TimeUnit.SECONDS);
            }
            assertThat(head).as("a newHeads notification").isNotNull();
            assertThat(log).as("a logs notification").isNotNull();
            List<BigInteger> blocks = sent.stream().map(TransactionReceipt::getBlockNumber).toList();
            assertThat(Numeric.decodeQuantity(head.getParams().getResult().getNumber())).isBetween(
                    blocks.getFirst().subtract(BigInteger.ONE), blocks.getLast());
            var notified = log.getParams().getResult();
            assertThat(notified.getTransactionHash()).isIn(sent.stream().map(TransactionReceipt::getTransactionHash).toList());
            assertThat(notified.getTopics()).containsExactly(TRANSFER_TOPIC, topic(alice.getAddress()), topic(carol.getAddress()));
        } finally {
            headsSubscription.dispose();
            logsSubscription.dispose();
            ws.shutdown();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Credentials testAccount(int index) {
        byte[] seed = MnemonicUtils.generateSeed(System.getenv().getOrDefault("PARKCHAIN_MNEMONIC", TEST_MNEMONIC), "");
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
        int hardened = Bip32ECKeyPair.HARDENED_BIT;
        return Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | hardened, 60 | hardened, hardened, 0, index}));
    }

    private BigInteger nonce(Credentials account) throws IOException {
        return web3j.ethGetTransactionCount(account.getAddress(), DefaultBlockParameterName.PENDING).send().getTransactionCount();
    }

    private TransactionReceipt transfer(Credentials from, String to, BigInteger amount) throws Exception {
        return send(from, token, encode("transfer", new Address(to), new Uint256(amount)), BigInteger.valueOf(100_000));
    }

    /** Signs an EIP-1559 transaction with web3j, sends it raw and waits for its receipt. */
    private TransactionReceipt send(Credentials from, String to, String data, BigInteger gasLimit) throws IOException, TransactionException {
        BigInteger tip = web3j.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();
        BigInteger baseFee = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getBaseFeePerGas();
        RawTransaction tx = RawTransaction.createTransaction(
                chainId, nonce(from), gasLimit, to, BigInteger.ZERO, data, tip, baseFee.multiply(BigInteger.TWO).add(tip));
        EthSendTransaction sent = web3j.ethSendRawTransaction(Numeric.toHexString(TransactionEncoder.signMessage(tx, from))).send();
        assertThat(sent.getError()).as("eth_sendRawTransaction error").isNull();
        return receipts.waitForTransactionReceipt(sent.getTransactionHash());
    }

    private List<Log> logs(EthFilter filter) throws IOException {
        EthLog result = web3j.ethGetLogs(filter).send();
        assertThat(result.getError()).as("eth_getLogs error").isNull();
        return result.getLogs().stream().map(r -> (Log) r.get()).toList();
    }

    private BigInteger callUint(Credentials from, String function, Type<?>... args) throws IOException {
        String result = web3j.ethCall(Transaction.createEthCallTransaction(from.getAddress(), token, encode(function, args)),
                DefaultBlockParameterName.LATEST).send().getValue();
        return Numeric.toBigInt(result);
    }

    private static String encode(String function, Type<?>... args) {
        return FunctionEncoder.encode(new Function(function, List.of(args), List.of(new TypeReference<Bool>() {})));
    }

    private static String topic(String address) {
        return Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(address), 64);
    }

    /** The revert data of a failed call, wherever the node put it; asserts the node's error code too. */
    private String revertData(Response<?> response) throws IOException {
        assertThat(response.hasError()).as("the call should have reverted, got %s", response.getResult()).isTrue();
        Response.Error error = response.getError();
        assertThat(error.getCode()).as("error code of a revert (message: %s)", error.getMessage()).isEqualTo(revertErrorCode());
        // web3j keeps error.data as the raw JSON it received: a quoted hex string (geth, Parkchain) or an object
        // holding it under "data" (Hardhat).
        String raw = error.getData();
        assertThat(raw).as("revert data in the error").isNotNull();
        JsonNode json = raw.startsWith("0x") ? TextNode.valueOf(raw) : new ObjectMapper().readTree(raw.getBytes(StandardCharsets.UTF_8));
        String data = json.isTextual() ? json.asText() : json.path("data").asText();
        assertThat(data).as("revert data in %s", raw).matches("0x[0-9a-fA-F]{8,}");
        return data;
    }

    /** Decodes Error(string), the revert reason Solidity's require emits. */
    private static String errorString(String revertData) {
        assertThat(revertData).as("Error(string) selector").startsWith("0x08c379a0");
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Type> decoded = FunctionReturnDecoder.decode(revertData.substring(10), (List) List.of(new TypeReference<Utf8String>() {}));
        return (String) decoded.getFirst().getValue();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Type> customError(String revertData, String signature, List<TypeReference<?>> parameters) {
        String selector = CustomErrorEncoder.calculateSignatureHash(signature).substring(0, 10);
        assertThat(revertData).as("selector of %s", signature).startsWith(selector);
        return FunctionReturnDecoder.decode(revertData.substring(10), (List) parameters);
    }
}
