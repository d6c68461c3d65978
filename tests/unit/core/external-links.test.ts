import { describe, expect, it } from 'vitest';
import { invokeValidated } from '../../../src/main/core/ipc-dispatch';
import { isExternalUrl, isPlainMailto } from '../../../src/shared/ipc-validators';
import { safeLinkUrl } from '../../../src/renderer/src/features/notes/safe-url';
import { startBackend } from './backend-harness';

describe('mailto links', () => {
  it('accepts plain addresses with subject, body, cc and bcc, as the URL parser writes them', () => {
    for (const link of [
      'mailto:someone@example.org',
      'mailto:first.last+papers@mail.example.co.uk',
      'mailto:a@example.org,b@example.org',
      new URL('mailto:someone@example.org?subject=About your paper&body=Hi there,%0D%0Athanks!')
        .href,
      'mailto:a@example.org?cc=b@example.org&bcc=c@example.org',
    ]) {
      expect(isPlainMailto(link), link).toBe(true);
      expect(isExternalUrl(link), link).toBe(true);
    }
  });

  it('refuses anything a mail program could turn against the user, or that is not an address', () => {
    for (const link of [
      'mailto:a@example.org?attach=/etc/passwd',
      'mailto:a@example.org?attachment=file:///home/me/.ssh/id_rsa',
      'mailto:x?attach=/etc/passwd@example.org',
      'mailto:a@example.org?subject=x%26attach%3D/etc/passwd',
      'mailto:a@example.org?subject=x&attach=/etc/passwd',
      'mailto:a@example.org?subject=line%0Abreak ok',
      'mailto:?to=a@example.org',
      'mailto:',
      'mailto:not-an-address',
      'mailto:a@localhost',
      'mailto:a b@example.org',
      'MAILTO:a@example.org',
      'javascript:alert(1)//mailto:a@example.org',
    ]) {
      expect(isPlainMailto(link), link).toBe(false);
    }
  });

  it('checks a long hostile string in linear time', () => {
    const hostile = `mailto:${'a.'.repeat(2000)}!`;
    const started = performance.now();
    expect(isPlainMailto(hostile)).toBe(false);
    expect(isPlainMailto(`mailto:a@${'a-'.repeat(2000)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('renders a link in a note only when main would open it', () => {
    expect(safeLinkUrl('mailto:someone@example.org?subject=Hi there')).toBe(
      'mailto:someone@example.org?subject=Hi%20there',
    );
    expect(safeLinkUrl('mailto:someone@example.org?attach=/etc/passwd')).toBeNull();
    expect(safeLinkUrl('https://arxiv.org/abs/1')).toBe('https://arxiv.org/abs/1');
  });

  it('opens a mailto link through the backend and refuses one with extra fields', async () => {
    const harness = await startBackend();
    try {
      const { handlers } = harness.backend;
      expect(
        await invokeValidated(handlers, 'shell:open-external', 'mailto:someone@example.org'),
      ).toBe(true);
      await expect(
        invokeValidated(handlers, 'shell:open-external', 'mailto:a@example.org?attach=/etc/passwd'),
      ).rejects.toThrow(/invalid payload/);
      await expect(
        invokeValidated(handlers, 'shell:open-external', 'file:///etc/passwd'),
      ).rejects.toThrow(/invalid payload/);
    } finally {
      await harness.dispose();
    }
  });
});
