/**
 * BN254 (alt_bn128) for EIP-196 and EIP-197's precompiles (0x06–0x08). The entry point is
 * {@link org.parkchain.evm.precompile.bn254.Bn254Arithmetic}, which validates the bytes at the edge (coordinates
 * below p, points on their curves, G2 points in the order-r subgroup) and refuses anything else.
 *
 * <ul>
 *   <li>{@code Fp}: the 254-bit base field in Montgomery form on four {@code long} fields (an unrolled CIOS product
 *       with {@link java.lang.Math#unsignedMultiplyHigh}, branch-free carry and borrow chains for the additions);
 *       {@code Fp2} = F_p[i]/(i² + 1); {@code Fp12} = F_p2[w]/(w^6 - (9 + i)), six F_p2 coefficients, multiplied
 *       by Karatsuba over F_p6 = F_p2[w²], with a sparse product for Miller-loop lines and Granger–Scott squaring
 *       in the cyclotomic subgroup.</li>
 *   <li>{@code Bn254Curves}: y² = x³ + 3 over F_p (G1) and its D-type twist over F_p2 (G2), on the shared Jacobian
 *       group law of {@code ec.Curve} for the precompiles' addition and multiplication.</li>
 *   <li>{@code G2Subgroup}: G2 membership by the endomorphism ψ (one multiplication by the 63-bit u) instead of
 *       the 254-bit [r]Q.</li>
 *   <li>{@code Pairing}: optimal ate Miller loop over the NAF of 6u + 2 with each pair's T in homogeneous
 *       projective coordinates, the point step and its line computed together; final exponentiation to a power of
 *       (p^12 - 1)/r multiplied by 2u(6u² + 3u + 1), which is prime to r and so gives the same answer to the
 *       product check, in three powers of u, a few products and Frobenius maps.</li>
 * </ul>
 *
 * <p>Inputs are public, so nothing here is constant-time. Each layer is tested against a naive reference: BigInteger
 * for the field (random values and values at limb boundaries), the schoolbook F_p12 product for the Karatsuba and
 * sparse ones, {@code Fp12.pow} for the Frobenius map and the final exponentiation, the generic curve arithmetic
 * for the Miller loop's steps, [r]Q = O for the subgroup test, bilinearity for the pairing, and the whole against
 * the earlier BigInteger implementation, byte for byte ({@code Bn254ReferenceTest}).
 */
package org.parkchain.evm.precompile.bn254;
