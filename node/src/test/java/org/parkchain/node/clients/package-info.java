/**
 * Real Ethereum clients against real nodes: ethers.js 6 ({@code clients/e2e.mjs}) and web3j 6 drive a node
 * started as a child process on a free loopback port, Parkchain ({@code parkchain node --dev}) or Hardhat 2's
 * node, the reference. The same checks run against both, so a difference is Parkchain's to explain.
 */
package org.parkchain.node.clients;
