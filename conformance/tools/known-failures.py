#!/usr/bin/env python3
"""Rewrites the list in conformance/KNOWN_FAILURES.md from the output of
`./parkchain conformance state .../GeneralStateTests` (read on stdin), keeping the prose above the list.
Each failure gets the reason of the first rule below that matches its file; unmatched ones are 'not yet diagnosed'."""
import re, sys, pathlib

RULES = [
    (r"point_evaluation|valid_precompile_calls", "evm: KZG point evaluation precompile 0x0a needs a KZG library (halts PRECOMPILE_UNSUPPORTED)"),
    (r"ecpairing|pairingTest|RevertPrecompiledTouchExactOOG", "evm: BN254 pairing precompile 0x08 not implemented yet (fails every call)"),
    (r"ToPrecompileFrom", "evm: ecrecover precompile 0x01 (waits for secp256k1 in primitives)"),
    (r"precompsEIP2929Cancun", "evm: a precompile called with EIP-2929 gas (pairing 0x08 / ecrecover 0x01 / point evaluation 0x0a)"),
    (r"modexp", "evm: MODEXP precompile 0x05 result or gas for these inputs"),
    (r"CallData|checkFieldsInInitcode", "evm: init code sees its own code as call data (CALLDATASIZE/CALLDATALOAD must see empty input in a creation)"),
]

path = pathlib.Path(__file__).resolve().parent.parent / "KNOWN_FAILURES.md"
text = path.read_text() if path.exists() else ""
head = text.split("<!-- list -->")[0].rstrip() + "\n\n<!-- list -->\n"
entries = []
for line in sys.stdin:
    m = re.match(r"^FAIL .*?GeneralStateTests/(.*? d=\d+ g=\d+ v=\d+): (.*)$", line.rstrip("\n"))
    if not m:
        continue
    case, diff = m.groups()
    reason = next((r for p, r in RULES if re.search(p, case.split(" ")[0] + " " + case)), "not yet diagnosed: " + diff[:80])
    entries.append(f"- `{case}` — {reason}")
path.write_text(head + "\n".join(sorted(entries)) + "\n")
print(f"{len(entries)} known failures written to {path}")
