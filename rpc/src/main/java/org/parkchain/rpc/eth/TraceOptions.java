package org.parkchain.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parkchain.rpc.InvalidEncodingException;
import org.parkchain.rpc.RpcEncoding;

/**
 * geth's trace config: no {@code tracer} for the struct logger (with {@code disableStack}, {@code disableStorage},
 * {@code enableMemory} — or the older {@code disableMemory: false} — {@code enableReturnData} and {@code limit}),
 * {@code "4byteTracer"}, {@code "prestateTracer"} (with {@code tracerConfig.diffMode}), or {@code "callTracer"} with {@code tracerConfig} {@code onlyTopCall} and {@code withLog}; {@code timeout} as a
 * Go duration ("5s", "500ms"); for debug_traceCall, {@code stateOverrides}. Unknown fields are refused, so a typo
 * is not silently ignored.
 */
record TraceOptions(Optional<String> tracer, boolean disableStack, boolean disableStorage, boolean enableMemory,
                    boolean enableReturnData, long limit, boolean onlyTopCall, boolean withLog, boolean diffMode,
                    Duration timeout,
                    StateOverrides stateOverrides) {
    static final String CALL_TRACER = "callTracer";
    static final String FOUR_BYTE_TRACER = "4byteTracer";
    static final String PRESTATE_TRACER = "prestateTracer";
    /** geth's default for a trace's time. */
    static final Duration DEFAULT_TIMEOUT = TimedTracer.DEFAULT_TIMEOUT;
    /** The most any trace may take: the RPC's own time limit stops it earlier. */
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);
    /** What one trace may grow to before it is abandoned (a struct log of a 30M-gas loop would be gigabytes). */
    static final long MAX_TRACE_BYTES = TraceBudget.MAX_BYTES;

    private static final Set<String> FIELDS = Set.of("tracer", "disableStack", "disableStorage", "enableMemory",
            "disableMemory", "enableReturnData", "limit", "tracerConfig", "timeout", "stateOverrides", "reexec");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    static final TraceOptions DEFAULT = new TraceOptions(Optional.empty(), false, false, false, false, 0, false, false,
            false, DEFAULT_TIMEOUT, StateOverrides.NONE);

    boolean callTracer() {
        return tracer.filter(CALL_TRACER::equals).isPresent();
    }

    boolean prestateTracer() {
        return tracer.filter(PRESTATE_TRACER::equals).isPresent();
    }

    boolean fourByteTracer() {
        return tracer.filter(FOUR_BYTE_TRACER::equals).isPresent();
    }

    static TraceOptions fromJson(JsonNode node) {
        if (node.isNull()) return DEFAULT;
        if (!node.isObject()) throw new InvalidEncodingException("expected a trace config object");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) throw new InvalidEncodingException("unknown trace config field \"" + name + "\"");
        }
        Optional<String> tracer = Optional.empty();
        if (node.hasNonNull("tracer")) {
            String name = node.get("tracer").asText();
            if (!name.equals(CALL_TRACER) && !name.equals(FOUR_BYTE_TRACER) && !name.equals(PRESTATE_TRACER)) {
                throw new InvalidEncodingException("tracer \"" + name + "\" not found: this node has the struct logger"
                        + " (no tracer), callTracer, prestateTracer and 4byteTracer");
            }
            tracer = Optional.of(name);
        }
        boolean onlyTopCall = false;
        boolean withLog = false;
        boolean diffMode = false;
        JsonNode config = node.get("tracerConfig");
        if (config != null && !config.isNull()) {
            if (!config.isObject()) throw new InvalidEncodingException("tracerConfig: expected an object");
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) config::fields) {
                switch (e.getKey()) {
                    case "onlyTopCall" -> onlyTopCall = flag(e.getValue(), "tracerConfig.onlyTopCall");
                    case "withLog" -> withLog = flag(e.getValue(), "tracerConfig.withLog");
                    case "diffMode" -> diffMode = flag(e.getValue(), "tracerConfig.diffMode");
                    default -> throw new InvalidEncodingException("unknown tracerConfig field \"" + e.getKey() + "\"");
                }
            }
        }
        boolean enableMemory = flag(node.get("enableMemory"), "enableMemory")
                || (node.has("disableMemory") && !flag(node.get("disableMemory"), "disableMemory"));
        long limit = node.hasNonNull("limit") ? node.get("limit").asLong() : 0;
        if (node.hasNonNull("limit") && (!node.get("limit").canConvertToLong() || limit < 0)) {
            throw new InvalidEncodingException("limit: expected a non-negative number");
        }
        Duration timeout = node.hasNonNull("timeout") ? duration(node.get("timeout")) : DEFAULT_TIMEOUT;
        StateOverrides overrides = node.hasNonNull("stateOverrides")
                ? StateOverrides.fromJson(node.get("stateOverrides")) : StateOverrides.NONE;
        return new TraceOptions(tracer, flag(node.get("disableStack"), "disableStack"),
                flag(node.get("disableStorage"), "disableStorage"), enableMemory,
                flag(node.get("enableReturnData"), "enableReturnData"), limit, onlyTopCall, withLog, diffMode, timeout, overrides);
    }

    private static boolean flag(JsonNode node, String name) {
        if (node == null || node.isNull()) return false;
        try {
            return RpcEncoding.decodeBoolean(node);
        } catch (InvalidEncodingException e) {
            throw new InvalidEncodingException(name + ": " + e.getMessage());
        }
    }

    /** A Go duration such as "5s", "1m30s" or "250ms", at most {@link #MAX_TIMEOUT}. */
    static Duration duration(JsonNode node) {
        String text = node.asText();
        if (!node.isTextual() || text.isEmpty()) throw new InvalidEncodingException("timeout: expected a duration such as \"5s\"");
        Matcher m = DURATION.matcher(text);
        double nanos = 0;
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new InvalidEncodingException("timeout: cannot read \"" + text + "\" as a duration such as \"5s\"");
            }
            double v = Double.parseDouble(m.group(1));
            nanos += v * switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            at = m.end();
        }
        Duration d = Duration.ofNanos((long) Math.min(nanos, Long.MAX_VALUE));
        if (d.isZero()) throw new InvalidEncodingException("timeout: must be positive");
        return d.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : d;
    }
}
