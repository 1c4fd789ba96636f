// The staff API as the tests' own set-up tool: each test that needs exact
// figures creates its own widget, so parallel specs never share its data.
import { expect } from "@playwright/test";

export const apiUrl = process.env.PARVIS_API_URL ?? "http://127.0.0.1:8787";

/** Signs in (by default as the test city's admin); returns the session cookie. */
async function signIn(request, email = "admin@test.example") {
  const origin = new URL(apiUrl).origin;
  const response = await request.post(`${apiUrl}/v1/staff/session`, {
    headers: { Origin: origin },
    data: { email, password: "correct horse battery staple" },
  });
  expect(response.status()).toBe(201);
  return response.headers()["set-cookie"].split(";")[0];
}

/** Creates an open widget in the city of `email`'s admin; returns its id. */
export async function createWidget(request, body, email = "admin@test.example") {
  const cookie = await signIn(request, email);
  const created = await request.post(`${apiUrl}/v1/staff/widgets`, {
    headers: { Origin: new URL(apiUrl).origin, Cookie: cookie },
    data: { status: "open", ...body },
  });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()).id;
}

/** Makes a set of invitation codes as the test city's admin; returns its id and codes. */
export async function createCodeSet(request, name, size) {
  const cookie = await signIn(request);
  const headers = { Origin: new URL(apiUrl).origin, Cookie: cookie };
  const created = await request.post(`${apiUrl}/v1/staff/code-sets`, { headers, data: { name, size } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = await created.json();
  const csv = await request.get(`${apiUrl}/v1/staff/code-sets/${id}/codes`, { headers });
  expect(csv.status()).toBe(200);
  const codes = (await csv.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(",")[1]);
  return { id, codes };
}
