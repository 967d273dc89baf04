// A timed JSON client for one NocoBase app's API, signed in as one user, and the query strings its actions take.

/**
 * A client for `baseUrl` (e.g. "http://127.0.0.1:13000"), speaking zh-CN.
 * - `call(method, action, body?)`: `action` is the part after /api/ (e.g. "members:list?page=1"); `body` is sent as JSON.
 *   Resolves to { ms, json }: the wall time in ms from sending to the whole answer read, and the parsed answer (null if
 *   it was not JSON). Rejects on a non-2xx answer with an Error carrying `status` and the answer's first 1000 characters.
 * - `signIn(account, password)`: basic sign-in; later calls carry its token.
 */
function client(baseUrl) {
  let token = null;
  const call = async (method, action, body) => {
    const headers = { 'Content-Type': 'application/json', 'X-Locale': 'zh-CN' };
    if (token) headers.Authorization = `Bearer ${token}`;
    else headers['X-Authenticator'] = 'basic';
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/${action}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: kept as text for the error
    }
    if (!response.ok) {
      const error = new Error(
        `${method} /api/${decodeURIComponent(action)} → ${response.status}: ${text.slice(0, 1000)}`,
      );
      error.status = response.status;
      throw error;
    }
    return { ms, json };
  };
  return {
    call,
    async signIn(account, password) {
      const { json } = await call('POST', 'auth:signIn', { account, password });
      token = json.data.token;
    },
  };
}

/**
 * A query string as NocoBase's actions read it: arrays as repeated `key[]=item`, objects (filters) as JSON, the rest as is;
 * everything URI-encoded. E.g. { filter: { status: 'inService' }, fields: ['id'] } → "filter=%7B…%7D&fields%5B%5D=id".
 */
function query(params) {
  return Object.entries(params)
    .flatMap(([key, value]) =>
      Array.isArray(value)
        ? value.map((item) => [`${key}[]`, item])
        : [[key, typeof value === 'object' ? JSON.stringify(value) : value]],
    )
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}

module.exports = { client, query };
