import { escapeHtml, safeUrl, singleLine } from './html.util';

describe(escapeHtml.name, () => {
  it('should escape the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('should render null and undefined as empty text', () => {
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(null)).toBe('');
  });
});

describe(safeUrl.name, () => {
  it.each(['https://bridges.example/a?b=c', 'http://localhost:8025/', 'mailto:office@gmina.pl'])(
    'should keep %s',
    (url) => {
      expect(safeUrl(url)).not.toBeNull();
    },
  );

  it.each(['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,<b>', 'not a url', ''])(
    'should drop %j',
    (url) => {
      expect(safeUrl(url)).toBeNull();
    },
  );
});

describe(singleLine.name, () => {
  it('should remove line breaks when a value would inject a header', () => {
    expect(singleLine('a\r\nBcc: x')).toBe('a Bcc: x');
  });
});
