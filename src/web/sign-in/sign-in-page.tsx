// The page a browser gets instead of a bare 401 when the control plane is guarded: it asks for the control token.
import { raw } from 'hono/html';

export interface SignInPageProps {
  /** The cookie the guard reads (the browser cannot send a header on navigation). */
  cookieName: string;
  refusal: string;
}

/**
 * Self-contained (inline style and script): the stylesheet and scripts are behind the same guard. The token
 * goes into a `SameSite=Strict` cookie for this origin, never into the URL.
 */
export function SignInPage({ cookieName, refusal }: SignInPageProps) {
  const script = `document.getElementById('sign-in').addEventListener('submit', function (event) {
  event.preventDefault();
  var token = document.getElementById('control-token').value.trim();
  var secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = ${JSON.stringify(cookieName)} + '=' + encodeURIComponent(token) + '; Path=/; SameSite=Strict' + secure;
  location.reload();
});`;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Control token · provtjanst-mock</title>
        <link rel="icon" href="data:," />
        <style>
          {raw(
            'body{font:17px system-ui,sans-serif;max-width:36rem;margin:4rem auto;color:#111827}input{font:inherit;width:100%;padding:.4rem}button{font:inherit;margin-top:.8rem;padding:.4rem 1rem}.muted{color:#4b5563}',
          )}
        </style>
      </head>
      <body>
        <h1>provtjanst-mock: control token</h1>
        <p class="muted">{refusal}</p>
        <p>
          This mock listens beyond loopback, so its pages and control plane need the control token (printed in
          the banner at start, or the one given with <code>--control-token</code>).
        </p>
        <form id="sign-in">
          <label for="control-token">Control token</label>
          <input id="control-token" type="password" autocomplete="off" required />
          <button type="submit">Continue</button>
        </form>
        <script>{raw(script)}</script>
      </body>
    </html>
  );
}
