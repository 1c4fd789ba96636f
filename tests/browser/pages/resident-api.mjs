// Residents' writes sent straight to the API by a test's set-up, with the
// proof of work a widget would solve (same protocol: SHA-256 of
// "challenge:nonce" with `bits` leading zero bits).
import { createHash } from "node:crypto";
import { expect } from "@playwright/test";
import { apiUrl } from "./staff-api.mjs";

function leadingZeroBits(digest) {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Fetches a challenge for this widget and voter and solves it. */
export async function solveProof(request, widget, voter) {
  const response = await request.get(`${apiUrl}/v1/widgets/${widget}/challenge`, {
    headers: { "Parvis-Voter": voter },
  });
  expect(response.status()).toBe(200);
  const { challenge, bits } = await response.json();
  for (let nonce = 0; ; nonce++) {
    const digest = createHash("sha256").update(`${challenge}:${nonce}`).digest();
    if (leadingZeroBits(digest) >= bits) return `${challenge};${nonce}`;
  }
}

/** POSTs `data` to a widget's `tail` as a new resident from `origin`; the created item. */
export async function postAsResident(request, { widget, tail, data, origin, voter, ip }) {
  const proof = await solveProof(request, widget, voter);
  const response = await request.post(`${apiUrl}/v1/widgets/${widget}${tail}`, {
    headers: { Origin: origin, "Parvis-Voter": voter, "Parvis-Proof": proof, "CF-Connecting-IP": ip },
    data,
  });
  expect(response.status(), JSON.stringify(data)).toBe(201);
  return response.json();
}
