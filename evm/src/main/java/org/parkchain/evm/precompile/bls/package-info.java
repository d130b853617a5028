/**
 * BLS12-381 for EIP-2537's precompiles (Prague, 0x0b–0x11), written here because no maintained library for it
 * resolves from Maven Central. The entry point is {@link org.parkchain.evm.precompile.bls.Bls12381Precompiles}.
 *
 * <ul>
 *   <li>{@code Fp}: the 381-bit base field in Montgomery form on six {@code long} fields (one allocation per result):
 *       an unrolled CIOS product with {@link java.lang.Math#unsignedMultiplyHigh}, a dedicated Montgomery squaring
 *       (21 limb products instead of 36, then the reduction), additions and subtractions with branch-free carries
 *       and a masked correction (carries of field values are random, so branches on them were mispredicted);
 *       inversion by Pornin's binary GCD in {@code BinaryGcdInversion} (31 steps at a time on one-word
 *       approximations of the operands, then one update of the full numbers), which replaced
 *       {@code BigInteger.modInverse} (11 of G1ADD's 15 µs); {@code Fp2} = F_p[i]/(i² + 1), its product Karatsuba
 *       with lazy reduction (three full-width limb products, two Montgomery reductions);
 *       {@code Fp12} = F_p2[w]/(w^6 - (1 + i)), a flat basis in which untwisting G2 points and the Frobenius map
 *       are one line each, multiplied by Karatsuba over F_p6 = F_p2[w²].</li>
 *   <li>{@code Bls12381}: the curves y² = x³ + 4 over F_p (G1) and over F_p2 (G2's M-type twist), on the shared
 *       Jacobian group law of {@code ec.Curve} (width-4 NAF scalar multiplication, mixed additions).</li>
 *   <li>{@code Endomorphisms}: subgroup checks by φ and ψ (done for MSM and pairing inputs, never for additions,
 *       as the EIP says), G2 cofactor clearing by ψ, and the split of an MSM scalar into two 128-bit (G1, φ as
 *       -u²) or four 64-bit (G2, ψ as u) ones.</li>
 *   <li>{@code Pairing}: optimal ate Miller loop over |u| in Jacobian coordinates (no inversions; the tangent
 *       shares its squares with the doubling, and each line multiplies the accumulator sparsely in 14 F_p2
 *       products), final exponentiation with the hard part decomposed in u and cyclotomic squarings.</li>
 *   <li>{@code MapToCurve}: RFC 9380 simplified SWU onto the isogenous curve (over F_p the second candidate's
 *       square root follows from the first exponentiation), the 11-isogeny (G1) or 3-isogeny (G2), cofactor
 *       clearing by h_eff.</li>
 *   <li>{@code MultiScalarMultiplication}: the split scalars summed with interleaved width-4 NAFs (shared doublings)
 *       or Pippenger's buckets with signed window digits (half the buckets), whichever needs fewer additions; a
 *       window's buckets are summed in affine coordinates by {@code AffineBuckets} (points paired within their
 *       bucket, one batched inversion per round) and folded with mixed additions.</li>
 *   <li>{@code Encoding}: EIP-2537's 64-byte field elements, points, infinity as zero bytes, and the reasons for
 *       refusing an input (in the words of the EIP's test vectors).</li>
 * </ul>
 *
 * <p>Inputs are public, so nothing here is constant-time. Each layer is tested against a naive reference:
 * BigInteger for the field and its inversion, the general product for the squaring, schoolbook products, {@code Fp12.pow} for the final exponentiation, double-and-add for
 * NAF, one multiplication per pair for the MSM, r·P and h_eff·P for the endomorphism shortcuts, bilinearity for the pairing; the EIP's
 * vectors check the whole.
 */
package org.parkchain.evm.precompile.bls;
