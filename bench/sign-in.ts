// Signs in over HTTP as a demo account, as a browser would (the sign-in form's CSRF token, every
// Set-Cookie kept): the Cookie header for the following requests.
const DEMO_PASSWORD = "Autonomie-2026!";

export async function signedInCookie(base: string, account: string): Promise<string> {
  const cookies = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";")[0]!;
      cookies.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
  };
  const header = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  const form = await fetch(`${base}/login`);
  keep(form);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
  const signIn = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: header(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: `${account}@autonomie.test`, password: DEMO_PASSWORD, _csrf: csrf }),
  });
  keep(signIn);
  if (signIn.status !== 303) throw new Error(`sign-in as ${account} answered ${signIn.status}`);
  return header();
}
