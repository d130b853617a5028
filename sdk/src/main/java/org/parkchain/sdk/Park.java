package org.parkchain.sdk;

import org.parkchain.sdk.contracts.Exchange;
import org.parkchain.sdk.contracts.Offerings;
import org.parkchain.sdk.contracts.ParkRegistry;
import org.parkchain.sdk.contracts.ParkToken;
import org.parkchain.sdk.contracts.TokenFactory;
import org.web3j.protocol.Web3j;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;

/**
 * The park's system contracts on a Parkchain chain, as web3j wrappers: the registry, the token factory, the
 * offerings and the exchange live at fixed addresses; a park token's address comes from
 * {@link TokenFactory#tokens()} or its {@code TokenCreated} event. The wrappers ({@code org.parkchain.sdk.contracts})
 * are generated at build time by web3j's code generator from the ABIs in {@code contracts/abi}.
 *
 * <pre>{@code
 * Web3j web3j = Web3j.build(new HttpService("http://127.0.0.1:8545"));
 * TransactionManager tm = new RawTransactionManager(web3j, credentials, 31337);
 * Park park = new Park(web3j, tm, new StaticEIP1559GasProvider(31337, maxFee, tip, 3_000_000));
 * BigInteger levy = park.registry().levyRateBps().send();
 * }</pre>
 */
public final class Park {
    public static final String REGISTRY = "0x0000000000000000000000000000000000001000";
    public static final String TOKEN_FACTORY = "0x0000000000000000000000000000000000001001";
    public static final String OFFERINGS = "0x0000000000000000000000000000000000001002";
    public static final String EXCHANGE = "0x0000000000000000000000000000000000001003";

    private final Web3j web3j;
    private final TransactionManager transactions;
    private final ContractGasProvider gas;

    public Park(Web3j web3j, TransactionManager transactions, ContractGasProvider gas) {
        this.web3j = web3j;
        this.transactions = transactions;
        this.gas = gas;
    }

    public ParkRegistry registry() {
        return ParkRegistry.load(REGISTRY, web3j, transactions, gas);
    }

    public TokenFactory tokenFactory() {
        return TokenFactory.load(TOKEN_FACTORY, web3j, transactions, gas);
    }

    public Offerings offerings() {
        return Offerings.load(OFFERINGS, web3j, transactions, gas);
    }

    public Exchange exchange() {
        return Exchange.load(EXCHANGE, web3j, transactions, gas);
    }

    /** The park token at {@code address}. */
    public ParkToken token(String address) {
        return ParkToken.load(address, web3j, transactions, gas);
    }
}
