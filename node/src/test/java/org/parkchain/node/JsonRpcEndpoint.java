package org.parkchain.node;

import java.net.URI;

/** Where a node serves JSON-RPC: over HTTP and over WebSocket (on one port for Parkchain and Hardhat alike). */
public record JsonRpcEndpoint(URI http, URI ws) {
    public static JsonRpcEndpoint loopback(int port) {
        return new JsonRpcEndpoint(URI.create("http://127.0.0.1:" + port), URI.create("ws://127.0.0.1:" + port));
    }
}
