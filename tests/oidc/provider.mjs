// A real OpenID provider for Parvis' tests, standing in for FranceConnect's
// integration platform: panva's oidc-provider (the library FranceConnect's own
// core is built on), configured after FranceConnect's published configuration
// (france-connect/sources, `core-fcp-low`) wherever a relying party can tell:
// code flow only, `client_secret_post`, `eidas1`, the same lifetimes. Where it
// differs (PKCE required, RS256 only, public subjects), a comment says so. One
// registered client (two, with FRANCECONNECT_CLIENT_ID and _SECRET: the
// second signs with HS256 under its secret and refuses PKCE, as
// FranceConnect's core does), and a login page a browser can drive. Started by
// `xtask/src/oidc_provider.rs`; on its own:
//
//   PORT=9000 CLIENT_ID=parvis CLIENT_SECRET=s3cret \
//   REDIRECT_URI=http://127.0.0.1:8787/oidc/callback node tests/oidc/provider.mjs
//
// Test-only additions, for loopback only:
// - `GET /__test/health` answers 200 once the provider serves.
// - `POST /__test/next-id-token` with `{"mutation": "…"}` spoils the next ID
//   token the token endpoint returns, so the relying party's checks can be
//   seen to refuse it (see `spoil`).
//
// Two warnings at start are expected: oidc-provider 9 asks for Node 22 but
// runs on Node 20.20 (what it needs, `URL.parse` and `crypto.hash`, is there),
// and its in-memory storage is what a test wants (nothing outlives the run).

import { createHash, randomBytes } from 'node:crypto';
import Provider, { interactionPolicy } from 'oidc-provider';
import {
  SignJWT,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
} from 'jose';

const { PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, FRANCECONNECT_CLIENT_ID, FRANCECONNECT_CLIENT_SECRET } =
  process.env;
for (const [name, value] of Object.entries({ PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI })) {
  if (!value) {
    console.error(`provider.mjs: set ${name} (see the comment at the top of the file)`);
    process.exit(2);
  }
}
const ISSUER = `http://127.0.0.1:${PORT}`;

// The provider's signing key, made at each start and never written anywhere:
// the relying party must fetch it from the JWKS, and this script keeps the
// private half to re-sign the tokens it spoils on purpose.
const { privateKey: signingKey } = await generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await exportJWK(signingKey)), alg: 'RS256', use: 'sig', kid: randomId() };
// A key the JWKS never shows, for forged signatures.
const { privateKey: strangerKey } = await generateKeyPair('RS256');

/** FranceConnect's assurance levels; this provider only has the lowest. */
const ACR = 'eidas1';

// Every authorization shows the login form, even within a session that
// already knows someone (oidc-provider would otherwise send them straight
// back), so a test that signs in always has the form to fill. Signing in as
// someone else in the same browser passes through oidc-provider's page that
// ends the previous session (it submits itself, with a script).
const policy = interactionPolicy.base();
policy.get('login').checks.add(
  new interactionPolicy.Check(
    'every_authorization',
    'the test provider asks who signs in at every authorization',
    'login_required',
    (ctx) => !ctx.oidc.result?.login,
  ),
);

// The client Parvis' test city uses: RS256 checked against the JWKS, PKCE.
const clients = [
  {
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uris: [REDIRECT_URI],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
    // FranceConnect signs with HS256 (its default), RS256 or ES256, as the
    // client registered; RS256 is the one checked against a JWKS here.
    id_token_signed_response_alg: 'RS256',
    // FranceConnect forces the login prompt, so its ID tokens always carry
    // `auth_time`; so do these.
    require_auth_time: true,
  },
];
// A client set up as FranceConnect's core sets up a service provider: the
// ID token signed with HS256 under the client's secret, and no PKCE.
if (FRANCECONNECT_CLIENT_ID) {
  clients.push({
    ...clients[0],
    client_id: FRANCECONNECT_CLIENT_ID,
    client_secret: FRANCECONNECT_CLIENT_SECRET,
    id_token_signed_response_alg: 'HS256',
  });
}

const provider = new Provider(ISSUER, {
  clients,
  jwks: { keys: [signingJwk] },
  acrValues: [ACR],
  scopes: ['openid'],
  responseTypes: ['code'],
  clientAuthMethods: ['client_secret_post'],
  enabledJWA: { idTokenSigningAlgValues: ['RS256', 'HS256'] },
  // Required here, so a relying party that forgets it fails its tests.
  // FranceConnect's published core refuses an authorization request that
  // carries `code_challenge` (its parameter check forbids unlisted ones).
  // The FranceConnect-like client refuses it instead (see the middleware).
  pkce: { required: (ctx, client) => client.clientId !== FRANCECONNECT_CLIENT_ID },
  features: {
    devInteractions: { enabled: false },
    // Off at FranceConnect too.
    pushedAuthorizationRequests: { enabled: false },
    resourceIndicators: { enabled: false },
  },
  // FranceConnect's lifetimes, in seconds.
  ttl: {
    AccessToken: 60,
    AuthorizationCode: 30,
    Grant: 30,
    IdToken: 60,
    Interaction: 1800,
    Session: 1800,
  },
  interactions: { policy },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  // The provider's own error page (an unregistered redirect URI, an unknown
  // client: nothing to send back to the relying party), in French and with
  // nothing fetched from elsewhere.
  renderError: (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page(
      'Erreur',
      `<h1>Erreur</h1>\n<p>La demande de connexion est refusée.</p>\n<dl>\n${Object.entries(out)
        .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd>`)
        .join('\n')}\n</dl>`,
    );
  },
  // Any account exists; its only claim is its subject.
  findAccount: (ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
  // Consent is implied: the first authorization for an account grants `openid`
  // at once, so the login form is the only screen.
  loadExistingGrant: async (ctx) => {
    const grantId =
      ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }
    const grant = new ctx.oidc.provider.Grant({
      accountId: ctx.oidc.session.accountId,
      clientId: ctx.oidc.client.clientId,
    });
    grant.addOIDCScope('openid');
    await grant.save();
    return grant;
  },
});

// One line per refusal, so a failing test's log says why.
for (const event of ['authorization.error', 'grant.error', 'server_error']) {
  provider.on(event, (ctx, error) => {
    const cause = error.cause ? ` (${error.cause.message})` : '';
    console.log(`${event}: ${error.error ?? error.name}: ${error.error_description ?? error.message}${cause}`);
  });
}

/**
 * The subject of a test user: stable for a login, and not the login itself.
 * FranceConnect's look the same (64 hex digits and "v1") but are pairwise:
 * each service provider sees a different one for the same person.
 */
function subject(login) {
  return `${createHash('sha256').update(`parvis-test-user:${login}`).digest('hex')}v1`;
}

// FranceConnect's core refuses an authorization request with parameters it
// does not list, PKCE's among them: so does its double here.
provider.use(async (ctx, next) => {
  const pkce = ctx.query?.code_challenge || ctx.query?.code_challenge_method;
  if (ctx.path === '/auth' && FRANCECONNECT_CLIENT_ID && ctx.query?.client_id === FRANCECONNECT_CLIENT_ID && pkce) {
    ctx.status = 400;
    ctx.type = 'html';
    ctx.body = page('Erreur', '<h1>Erreur</h1>\n<p>Paramètre non autorisé : code_challenge.</p>');
    console.log('authorization: refused PKCE parameters for the FranceConnect-like client');
    return;
  }
  await next();
});

// The interaction page: GET shows the form, POST signs in whoever was typed.
provider.use(async (ctx, next) => {
  const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(ctx.path);
  if (!match) {
    return next();
  }
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (details.uid !== match[1]) {
    ctx.throw(400, 'this interaction is not the browser’s current one');
  }
  ctx.set('Cache-Control', 'no-store');
  if (ctx.method === 'GET' && !match[2]) {
    ctx.type = 'html';
    ctx.body = loginPage(details.uid);
    return;
  }
  if (ctx.method === 'POST' && match[2]) {
    const login = new URLSearchParams(await readBody(ctx.req)).get('login')?.trim();
    if (!login) {
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = loginPage(details.uid, 'Saisissez un identifiant.');
      return;
    }
    const returnTo = await provider.interactionResult(
      ctx.req,
      ctx.res,
      { login: { accountId: subject(login), acr: ACR } },
      { mergeWithLastSubmission: false },
    );
    ctx.status = 303;
    ctx.redirect(returnTo);
    return;
  }
  ctx.throw(405);
});

/** What `POST /__test/next-id-token` accepts (see `spoil`). */
const MUTATIONS = [
  'expired',
  'wrong_audience',
  'wrong_nonce',
  'wrong_issuer',
  'bad_signature',
  'unknown_key',
];

// The test endpoints, and the rewriting of the one token response they spoil.
let nextMutation;
provider.use(async (ctx, next) => {
  if (ctx.path === '/__test/health' && ctx.method === 'GET') {
    ctx.body = 'ok';
    return;
  }
  if (ctx.path === '/__test/next-id-token' && ctx.method === 'POST') {
    let mutation;
    try {
      ({ mutation } = JSON.parse(await readBody(ctx.req)));
    } catch {
      // Answered below as an unknown mutation.
    }
    if (!MUTATIONS.includes(mutation)) {
      ctx.status = 400;
      ctx.body = { error: `mutation must be one of ${MUTATIONS.join(', ')}` };
      return;
    }
    nextMutation = mutation;
    ctx.status = 204;
    return;
  }
  // oidc-provider takes a client secret from the body or from HTTP Basic
  // alike, whatever the client registered; FranceConnect documents only the
  // body (`client_secret_post`), so Basic is refused here, as a relying party
  // that sends it could not count on FranceConnect taking it.
  if (ctx.path === '/token' && ctx.get('Authorization')) {
    ctx.status = 401;
    ctx.body = {
      error: 'invalid_client',
      error_description: 'client authentication must be client_secret_post',
    };
    console.log('token endpoint: refused HTTP Basic client authentication');
    return;
  }
  await next();
  if (nextMutation && ctx.path === '/token' && ctx.status === 200 && ctx.body?.id_token) {
    const mutation = nextMutation;
    nextMutation = undefined;
    ctx.body = { ...ctx.body, id_token: await spoil(ctx.body.id_token, mutation) };
    console.log(`token endpoint: returned an ID token spoiled by ${mutation}`);
  }
});

/**
 * The ID token with one defect. The first four keep a valid signature by the
 * provider's own key, so only the claim check can catch them; the last two
 * keep the claims and forge the signature: with a key not in the JWKS under
 * the published key's `kid` (`bad_signature`), or under a `kid` the JWKS does
 * not have (`unknown_key`).
 */
async function spoil(idToken, mutation) {
  const header = decodeProtectedHeader(idToken);
  const claims = decodeJwt(idToken);
  let key = signingKey;
  const now = Math.floor(Date.now() / 1000);
  switch (mutation) {
    case 'expired':
      claims.iat = now - 2 * 3600;
      claims.auth_time = claims.iat;
      claims.exp = now - 3600;
      break;
    case 'wrong_audience':
      claims.aud = 'another-service-provider';
      break;
    case 'wrong_nonce':
      claims.nonce = randomId();
      break;
    case 'wrong_issuer':
      claims.iss = 'https://issuer.invalid';
      break;
    case 'bad_signature':
      key = strangerKey;
      break;
    case 'unknown_key':
      key = strangerKey;
      header.kid = randomId();
      break;
  }
  return new SignJWT(claims).setProtectedHeader(header).sign(key);
}

function loginPage(uid, error) {
  const invalid = error ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  return page(
    'Connexion',
    `<h1>Connexion</h1>
<p>Fournisseur d’identité de test de Parvis, niveau eIDAS faible (eidas1). Tout identifiant est accepté.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="login">Identifiant</label>
<input id="login" name="login" autocomplete="username" required autofocus${invalid}>
${error ? `<p id="login-error">${escapeHtml(error)}</p>` : ''}
<button type="submit">Se connecter</button>
</form>`,
  );
}

/** A whole page in French around `main` (HTML). */
function page(title, main) {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — fournisseur d’identité de test</title>
</head>
<body>
<main>
${main}
</main>
</body>
</html>
`;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function randomId() {
  return randomBytes(16).toString('base64url');
}

/** A small request body, read whole (the provider parses only its own routes' bodies). */
async function readBody(req) {
  const limit = 64 * 1024;
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) {
      const error = new Error('request body too large');
      error.status = 413;
      error.expose = true;
      throw error;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

provider.listen(Number(PORT), '127.0.0.1', () => {
  console.log(`oidc-provider ready on ${ISSUER}`);
});
