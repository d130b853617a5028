/**
 * The Solidity ABI: types from canonical strings ({@link org.parkchain.primitives.abi.AbiType}), values
 * ({@link org.parkchain.primitives.abi.Tuple}), strict encoding and decoding, function selectors and call data
 * ({@link org.parkchain.primitives.abi.AbiFunction}), event topics and logs
 * ({@link org.parkchain.primitives.abi.AbiEvent}), and revert data: {@code Error(string)}, {@code Panic(uint256)}
 * and custom errors ({@link org.parkchain.primitives.abi.AbiError}). The one ABI codec of the project.
 */
package org.parkchain.primitives.abi;
