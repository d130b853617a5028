package org.parkchain.evm;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * Watches an execution (debug_trace*). With a tracer attached, frames run in {@code Interpreter}'s traced loop,
 * which calls {@link #step} before each instruction; without one, the fast loop runs untouched (the tracer is
 * looked at once per frame, call and log, never per instruction). A tracer may throw a {@link RuntimeException}
 * (a step or size limit) to abandon the execution: it leaves {@link Evm#execute} unhandled, like
 * {@link ExecutionInterrupted}.
 */
public interface Tracer {
    /* Depths in enter, exit and log count from 0 for the transaction's frame; Step.depth() counts from 1, as geth. */

    /**
     * What started a frame, with geth's names. A SELFDESTRUCT is a frame of its own, as geth's callTracer shows it:
     * entered and exited at once, from the contract to the beneficiary with the balance it moved, no input, no gas.
     */
    enum CallType { CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE, CREATE2, SELFDESTRUCT }

    /**
     * A transaction starts, before its sender pays for its gas: {@code world} is its state then (the transaction
     * processor calls this; {@link Evm#execute} alone does not).
     */
    default void begin(WorldView world, Address sender, Address coinbase) {}

    /** The transaction is over, its fees paid: {@code world} is the state after it (called by the processor). */
    default void end(WorldView world) {}

    /**
     * A frame starts. {@code to} is the account whose code runs (for DELEGATECALL and CALLCODE, the code's account,
     * as geth reports it); {@code value} is null where a frame carries none of its own (DELEGATECALL, STATICCALL).
     * Calls into precompiles and native contracts are frames too.
     */
    default void enter(int depth, CallType type, Address from, Address to, byte[] input, long gas, UInt256 value) {}

    /** The frame entered last ends; {@code gasUsed} is the frame's gas less what it gave back. */
    default void exit(int depth, ExecutionResult result, long gasUsed) {}

    /** Before an instruction runs (its static gas not yet charged). {@code step} is only valid during the call. */
    default void step(Step step) {}

    /** A LOG instruction emitted {@code log}, in the frame at {@code depth}. */
    default void log(int depth, Log log) {}

    /** The machine state before one instruction. */
    interface Step {
        int pc();

        int op();

        long gas();

        /** 1 for the transaction's frame, as geth counts. */
        int depth();

        Address address();

        int stackSize();

        /** The stack item {@code i} places from the bottom. */
        UInt256 stack(int i);

        long memorySize();

        /** A copy of memory's first {@link #memorySize()} bytes. */
        byte[] memory();

        byte[] returnData();

        /** The current value of the executing account's slot {@code key}. */
        UInt256 storage(UInt256 key);

        long refund();
    }
}
