package org.parkchain.explorer.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.parkchain.explorer.abi.ParkAbiCatalog;
import org.parkchain.explorer.index.BlockSummary;
import org.parkchain.explorer.index.IndexReader;
import org.parkchain.explorer.index.IndexedTransfer;
import org.parkchain.explorer.index.IndexedTx;
import org.parkchain.explorer.index.ParkEvent;

/**
 * The data API's JSON shapes, one method per kind of thing. Amounts are decimal strings in the smallest unit
 * (JSON numbers cannot hold 10^24 exactly), addresses checksummed, hashes 0x-hex, times unix seconds.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static <T> ObjectNode page(IndexReader.Page<T> page, Function<T, ObjectNode> item) {
        ObjectNode out = object();
        ArrayNode items = out.putArray("items");
        page.items().forEach(i -> items.add(item.apply(i)));
        if (page.next().isPresent()) {
            out.put("next", page.next().get());
        } else {
            out.putNull("next");
        }
        return out;
    }

    static ObjectNode block(BlockSummary b) {
        ObjectNode o = object();
        o.put("number", b.number());
        o.put("hash", b.hash().toHex());
        o.put("timestamp", b.timestamp());
        o.put("transactions", b.transactions());
        o.put("gasUsed", b.gasUsed());
        o.put("gasLimit", b.gasLimit());
        return o;
    }

    static ObjectNode tx(IndexedTx t) {
        ObjectNode o = object();
        o.put("hash", t.hash().toHex());
        o.put("blockNumber", t.blockNumber());
        o.put("index", t.index());
        o.put("timestamp", t.timestamp());
        o.put("from", t.from().toChecksumHex());
        putOptional(o, "to", t.to().map(a -> a.toChecksumHex()));
        putOptional(o, "contractAddress", t.created().map(a -> a.toChecksumHex()));
        o.put("value", t.value().toString());
        o.put("success", t.success());
        o.put("method", t.method());
        return o;
    }

    static ObjectNode transfer(IndexedTransfer t) {
        ObjectNode o = object();
        o.put("token", t.token().toChecksumHex());
        o.put("from", t.from().toChecksumHex());
        o.put("to", t.to().toChecksumHex());
        o.put("value", t.value().toString());
        o.put("transactionHash", t.transactionHash().toHex());
        o.put("blockNumber", t.blockNumber());
        o.put("logIndex", t.logIndex());
        o.put("timestamp", t.timestamp());
        return o;
    }

    static ObjectNode event(ParkEvent e) {
        ObjectNode o = object();
        o.put("kind", e.kind());
        o.put("contract", e.contract().toChecksumHex());
        o.put("transactionHash", e.transactionHash().toHex());
        o.put("blockNumber", e.blockNumber());
        o.put("logIndex", e.logIndex());
        o.put("timestamp", e.timestamp());
        ObjectNode args = o.putObject("args");
        ParkAbiCatalog.decodeLog(e.topics(), e.data()).ifPresent(d -> d.values().forEach(v -> args.put(v.name(), v.text())));
        return o;
    }

    static ObjectNode decoded(ParkAbiCatalog.Decoded d) {
        ObjectNode o = object();
        o.put("name", d.name());
        ArrayNode values = o.putArray("args");
        for (ParkAbiCatalog.Value v : d.values()) {
            values.addObject().put("name", v.name()).put("type", v.type()).put("kind", v.kind()).put("value", v.text());
        }
        return o;
    }

    static void putOptional(ObjectNode o, String name, Optional<String> value) {
        if (value.isPresent()) {
            o.put(name, value.get());
        } else {
            o.putNull(name);
        }
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode a = MAPPER.createArrayNode();
        values.forEach(a::add);
        return a;
    }
}
