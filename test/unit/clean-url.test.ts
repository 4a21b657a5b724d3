import * as assert from 'assert';
import { cleanUrl } from '../../server/src/brief/parse/text';

describe('cleanUrl', () => {
  it('keeps a closing parenthesis that balances one inside the URL', () => {
    assert.strictEqual(cleanUrl('https://en.wikipedia.org/wiki/Treaty_(1969)'), 'https://en.wikipedia.org/wiki/Treaty_(1969)');
    assert.strictEqual(cleanUrl('https://en.wikipedia.org/wiki/Treaty_(1969)).'), 'https://en.wikipedia.org/wiki/Treaty_(1969)');
  });
  it('drops sentence punctuation and an unbalanced closing parenthesis after the URL', () => {
    assert.strictEqual(cleanUrl('https://example.org/report).'), 'https://example.org/report');
    assert.strictEqual(cleanUrl('https://example.org/report”,'), 'https://example.org/report');
  });
  it('takes a <…> URL as written between the brackets', () => {
    assert.strictEqual(cleanUrl('<https://example.org/a_(b>'), 'https://example.org/a_(b');
  });
});
