package org.parkchain.state;

/** A trie node the store should hold is not there: the store is damaged or the root belongs elsewhere. */
public final class MissingTrieNodeException extends RuntimeException {
    public MissingTrieNodeException(String message) {
        super(message);
    }
}
