package org.parkchain.rpc.eth;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of the eth_* methods (the transport's own limits are in {@link org.parkchain.rpc.RpcConfig}).
 *
 * @param gasCap             most gas an eth_call or eth_estimateGas may use, whatever the caller asks (geth: 50M)
 * @param maxLogsBlockRange  most blocks one eth_getLogs (or eth_getFilterLogs) may span
 * @param maxLogsResults     most logs one eth_getLogs may return; beyond that the caller must narrow the query
 * @param filterTimeout      a filter not polled for this long is removed (geth: 5 minutes)
 * @param maxFilters         filters that may exist at once, over all clients
 * @param maxFeeHistoryBlocks most blocks one eth_feeHistory may ask for (geth: 1024)
 */
public record EthApiConfig(
        long gasCap,
        long maxLogsBlockRange,
        int maxLogsResults,
        Duration filterTimeout,
        int maxFilters,
        int maxFeeHistoryBlocks) {

    public EthApiConfig {
        Objects.requireNonNull(filterTimeout, "filterTimeout");
        if (gasCap < 21_000) {
            throw new IllegalArgumentException("the eth_call gas cap must be at least 21000, got " + gasCap);
        }
        if (maxLogsBlockRange <= 0) {
            throw new IllegalArgumentException("the eth_getLogs block range must be positive, got " + maxLogsBlockRange);
        }
        if (maxLogsResults <= 0) {
            throw new IllegalArgumentException("the eth_getLogs result limit must be positive, got " + maxLogsResults);
        }
        if (filterTimeout.isNegative() || filterTimeout.isZero()) {
            throw new IllegalArgumentException("the filter timeout must be positive, got " + filterTimeout);
        }
        if (maxFilters <= 0) {
            throw new IllegalArgumentException("the filter limit must be positive, got " + maxFilters);
        }
        if (maxFeeHistoryBlocks <= 0) {
            throw new IllegalArgumentException("the eth_feeHistory block limit must be positive, got " + maxFeeHistoryBlocks);
        }
    }

    /** geth's defaults where geth has one: 50M gas cap, 5-minute filters, 1024 fee-history blocks. */
    public static EthApiConfig defaults() {
        return new EthApiConfig(50_000_000L, 10_000, 10_000, Duration.ofMinutes(5), 10_000, 1024);
    }

    public EthApiConfig withGasCap(long value) {
        return new EthApiConfig(value, maxLogsBlockRange, maxLogsResults, filterTimeout, maxFilters, maxFeeHistoryBlocks);
    }

    public EthApiConfig withMaxLogsBlockRange(long value) {
        return new EthApiConfig(gasCap, value, maxLogsResults, filterTimeout, maxFilters, maxFeeHistoryBlocks);
    }

    public EthApiConfig withMaxLogsResults(int value) {
        return new EthApiConfig(gasCap, maxLogsBlockRange, value, filterTimeout, maxFilters, maxFeeHistoryBlocks);
    }

    public EthApiConfig withFilterTimeout(Duration value) {
        return new EthApiConfig(gasCap, maxLogsBlockRange, maxLogsResults, value, maxFilters, maxFeeHistoryBlocks);
    }

    public EthApiConfig withMaxFilters(int value) {
        return new EthApiConfig(gasCap, maxLogsBlockRange, maxLogsResults, filterTimeout, value, maxFeeHistoryBlocks);
    }
}
