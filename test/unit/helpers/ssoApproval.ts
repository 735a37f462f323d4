/**
 * A person's answers on the local IAM Identity Center's pages, without a browser: each form is
 * submitted as a browser submits it. The UI tests click the same pages in Chromium.
 */
import * as assert from 'node:assert/strict';

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Submits the form holding the button `#buttonId` as a browser does: its inputs (or what was typed) and the button's name=value. */
export async function submit(html: string, base: string, buttonId: string, typed: Record<string, string> = {}): Promise<Response> {
  const form = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].find((match) => match[2]?.includes(`id="${buttonId}"`));
  assert.ok(form, `no form holds #${buttonId}`);
  const [, formTag = '', content = ''] = form;
  const attribute = (tag: string, name: string): string | undefined => {
    const value = new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
    return value === undefined ? undefined : unescapeHtml(value);
  };
  assert.equal(attribute(formTag, 'method'), 'post');
  const fields = new URLSearchParams();
  for (const [input] of content.matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(input, 'name');
    if (name !== undefined) {
      fields.set(name, typed[name] ?? attribute(input, 'value') ?? '');
    }
  }
  const button = [...content.matchAll(/<button\b[^>]*>/g)].map(([tag]) => tag).find((tag) => attribute(tag, 'id') === buttonId) ?? '';
  const buttonName = attribute(button, 'name');
  if (buttonName !== undefined) {
    fields.set(buttonName, attribute(button, 'value') ?? '');
  }
  return fetch(new URL(attribute(formTag, 'action') ?? '', base), { method: 'POST', body: fields, redirect: 'manual' });
}

/** What a person does with the verification URI: confirm the code, then Allow (or Deny). */
export async function answerOnPages(base: string, verificationUriComplete: string, decision: 'allow' | 'deny'): Promise<string> {
  const consent = await submit(await (await fetch(verificationUriComplete)).text(), base, 'confirm');
  assert.equal(consent.status, 200);
  return (await submit(await consent.text(), consent.url, decision)).text();
}

/** What a person does with an authorize page: Allow (or Deny); gives where the browser is sent. */
export async function answerAuthorize(authorizeUrl: string, decision: 'allow' | 'deny'): Promise<string> {
  const page = await fetch(authorizeUrl);
  assert.equal(page.status, 200, 'the authorize page opens');
  const answer = await submit(await page.text(), authorizeUrl, decision);
  return answer.headers.get('location') ?? '';
}
