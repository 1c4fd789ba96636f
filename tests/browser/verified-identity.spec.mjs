// A poll for verified residents, as a resident meets it, against a real
// OpenID provider (tests/oidc/provider.mjs, configured like FranceConnect's
// integration platform): the rule and what is kept said before acting, the
// sign-in in a window of its own, the outcome posted back to the widget,
// one ballot per person whatever the device, and each defect of an ID token
// refused. Serial: the provider spoils "the next" ID token, so no other
// sign-in may run meanwhile (no other spec signs in).
import { expect, test } from "@playwright/test";
import { expectNoWidgetViolations as expectNoViolations } from "./pages/axe.mjs";
import { solveProof } from "./pages/resident-api.mjs";
import { apiUrl, createWidget } from "./pages/staff-api.mjs";
import { PollWidget, testPage } from "./pages/widgets.mjs";

test.describe.configure({ mode: "serial" });

const issuer = process.env.PARVIS_OIDC_ISSUER;

/** Why the callback refused each spoiled token (`TokenError::as_str`). */
const refusals = {
  expired: "time",
  wrong_audience: "audience",
  wrong_nonce: "nonce",
  wrong_issuer: "issuer",
  bad_signature: "signature",
  unknown_key: "unknown_key",
};

const words = {
  fr: {
    rule: "Vote réservé aux habitants dont l’identité est vérifiée",
    privacy: "Parvis ne reçoit ni votre nom",
    button: "S’identifier avec FranceConnect",
    required: "Ce vote demande de vérifier votre identité avant de voter.",
    verified: "Identité vérifiée : vous pouvez voter.",
    voted: "Vous avez voté.",
    sameperson: "Cette personne a déjà voté dans ce sondage",
    refused: "L’identification n’a pas pu être vérifiée.",
    used: "déjà utilisée",
  },
  en: {
    rule: "Only residents with a verified identity can vote",
    privacy: "Parvis receives neither your name",
    button: "Sign in with FranceConnect",
    required: "This vote asks you to verify your identity before voting.",
    verified: "Identity verified: you can vote.",
    voted: "You voted.",
    sameperson: "This person has already voted in this poll",
    refused: "The sign-in could not be checked.",
    used: "already used",
  },
};

/** What the widget's sign-in area says (the live region repeats it, hidden). */
function signInArea(widget) {
  return widget.host.locator(".verify");
}

/**
 * A verified poll of the test city, whose provider is the test provider, or
 * of the city whose client is set up like FranceConnect's core (`email`).
 */
function verifiedPoll(request, title, email = "admin@test.example") {
  return createWidget(
    request,
    {
      kind: "poll",
      title,
      participation: "verified",
      options: [{ label: "Oui" }, { label: "Non" }],
    },
    email,
  );
}

/**
 * Signs in as `login` from the widget's button, through the provider's own
 * form. Resolves once the window has closed itself, with the callback's
 * address and status as the browser saw them.
 */
async function signIn(page, widget, t, login) {
  let callback;
  let authorization;
  const seen = (response) => {
    if (response.url().includes("/oidc/callback")) {
      callback = {
        url: response.url(),
        status: response.status(),
        refusal: response.headers()["parvis-sign-in-refusal"],
      };
    }
    // The authorization request itself (the provider later resumes at /auth/{uid}).
    if (response.url().startsWith(`${issuer}/auth?`)) authorization = new URL(response.url());
  };
  page.context().on("response", seen);
  const opened = page.waitForEvent("popup");
  await widget.host.getByRole("button", { name: t.button }).click();
  const popup = await opened;
  const closed = popup.waitForEvent("close");
  await popup.getByLabel("Identifiant").fill(login);
  const signedIn = Date.now();
  await popup.getByRole("button", { name: "Se connecter" }).click();
  await closed;
  // A figure for the closing notes, not a limit: from "Se connecter" to
  // the window closed with the outcome posted (provider, callback, exchange,
  // keys and checks, on loopback).
  console.log(`OpenID round trip (${login}): ${Date.now() - signedIn} ms`);
  page.context().off("response", seen);
  expect(callback, "the provider sent the window back to Parvis").toBeDefined();
  return { ...callback, authorization };
}

for (const lang of ["fr", "en"]) {
  test(`a resident verifies in a window and votes once per person (${lang})`, async ({ page, browser, request }) => {
    const t = words[lang];
    const poll = await verifiedPoll(request, lang === "fr" ? "Budget participatif 2027" : "Participatory budget 2027");
    await page.goto(testPage([poll], { lang }));
    const widget = new PollWidget(page, poll);
    await widget.waitUntilInteractive();
    // Said before acting: who may vote, and what is kept.
    await expect(widget.host.getByText(t.rule)).toBeVisible();
    await expect(widget.host.getByText(t.privacy)).toBeVisible();
    await expectNoViolations(page, `verified poll, form (${lang})`);

    // A vote before signing in is held back, with the way to verify.
    await widget.vote("Oui");
    await expect(signInArea(widget).getByText(t.required)).toBeVisible();
    await expectNoViolations(page, `verified poll, verification required (${lang})`);

    const login = `habitant-${lang}-${Date.now()}`;
    const callback = await signIn(page, widget, t, login);
    expect(callback.status).toBe(200);
    await expect(signInArea(widget).getByText(t.verified)).toBeVisible();
    await expectNoViolations(page, `verified poll, identity verified (${lang})`);
    await widget.voteButton.click();
    await expect(widget.host.getByText(t.voted)).toBeVisible();
    await expectNoViolations(page, `verified poll, voted (${lang})`);
    // Nothing of the sign-in is kept in the browser: only the voter token
    // any resident's first action stores.
    expect(await page.evaluate(() => [Object.keys(localStorage), sessionStorage.length, document.cookie])).toEqual([
      ["parvis.voter"],
      0,
      "",
    ]);

    // The callback's address again (a replayed authorization code): refused
    // by Parvis before any exchange, as its sign-in was used.
    const replay = await request.get(callback.url, { headers: { Accept: "text/html" } });
    expect(replay.status()).toBe(400);
    // A spent sign-in no longer says whose language it spoke: French.
    expect(await replay.text()).toContain(words.fr.used);

    // The same person on another device: one ballot per person.
    const device = await browser.newContext();
    const other = await device.newPage();
    await other.goto(new URL(testPage([poll], { lang }), page.url()).href);
    const second = new PollWidget(other, poll);
    await second.waitUntilInteractive();
    await second.option("Non").check();
    await signIn(other, second, t, login);
    await second.voteButton.click();
    await expect(signInArea(second).getByText(t.sameperson)).toBeVisible();
    await expectNoViolations(other, `verified poll, person already voted (${lang})`);
    await device.close();
  });
}

for (const mutation of ["expired", "wrong_audience", "wrong_nonce", "wrong_issuer", "bad_signature", "unknown_key"]) {
  test(`an ID token ${mutation.replace("_", " ")} is refused and no grant reaches the widget`, async ({ page, request }) => {
    const t = words.fr;
    const poll = await verifiedPoll(request, `Jeton ${mutation}`);
    await page.goto(testPage([poll], { lang: "fr" }));
    const widget = new PollWidget(page, poll);
    await widget.waitUntilInteractive();
    const spoiled = await request.post(`${issuer}/__test/next-id-token`, { data: { mutation } });
    expect(spoiled.status()).toBe(204);
    const callback = await signIn(page, widget, t, `habitant-${mutation}`);
    expect(callback.status).toBe(400);
    // Refused for this defect, not another one.
    expect(callback.refusal).toBe(refusals[mutation]);
    await expect(signInArea(widget).getByText(t.refused)).toBeVisible();
    await expect(signInArea(widget).getByText(t.verified)).toHaveCount(0);
    // The widget holds no grant: its ballot is held back.
    await widget.vote("Oui");
    await expect(signInArea(widget).getByText(t.required)).toBeVisible();
    await expectNoViolations(page, `verified poll, sign-in refused (${mutation})`);
  });
}

test("a city whose client is set up like FranceConnect's core: no PKCE sent, an HS256 ID token checked with the secret", async ({ page, request }) => {
  const t = words.fr;
  const poll = await verifiedPoll(request, "Vote FranceConnect", "admin@ville-franceconnect.example");
  await page.goto(testPage([poll], { lang: "fr" }));
  const widget = new PollWidget(page, poll);
  await widget.waitUntilInteractive();
  await widget.option("Oui").check();
  // The test listens as the widget does, to try the grant elsewhere below.
  await page.evaluate(() => {
    window.addEventListener("message", (event) => {
      if (event.data?.type === "parvis:verification") window.parvisGrant = event.data.grant;
    });
  });
  const callback = await signIn(page, widget, t, `habitant-fc-${Date.now()}`);
  expect(callback.status).toBe(200);
  // FranceConnect's core refuses PKCE parameters (its double here too).
  expect(callback.authorization.searchParams.get("code_challenge")).toBeNull();
  expect(callback.authorization.searchParams.get("acr_values")).toBe("eidas1");
  expect(callback.authorization.searchParams.get("scope")).toBe("openid");
  await expect(signInArea(widget).getByText(t.verified)).toBeVisible();
  await widget.voteButton.click();
  await expect(widget.host.getByText(t.voted)).toBeVisible();

  // The grant is this voter's: another voter token cannot use it.
  const grant = await page.evaluate(() => window.parvisGrant);
  expect(grant).toMatch(/^\d+\.[0-9a-f]{64}\.[\w-]*\.[0-9a-f]{64}$/);
  const other = `another-voter-${Date.now()}-${"b".repeat(20)}`;
  const proof = await solveProof(request, poll, other);
  const view = await (await request.get(`${apiUrl}/v1/widgets/${poll}`)).json();
  const stolen = await request.post(`${apiUrl}/v1/widgets/${poll}/ballots`, {
    headers: { Origin: new URL(page.url()).origin, "Parvis-Voter": other, "Parvis-Proof": proof },
    data: { choices: [view.options[0].id], verification: grant },
  });
  expect(stolen.status()).toBe(403);
  expect((await stolen.json()).code).toBe("verification_invalid");
});
