import { parseDsn } from './parse-dsn';

describe('parseDsn', () => {
  it('reads hard and soft bounces per recipient block', () => {
    const dsn = [
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      '',
      'Final-Recipient: rfc822; hard@example.org',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 no such user',
      '',
      'Final-Recipient: rfc822;<soft@example.org>',
      'Action: delayed',
      'Status: 4.2.2',
      '',
      'Final-Recipient: rfc822; fine@example.org',
      'Action: delivered',
      'Status: 2.0.0',
    ].join('\r\n');
    expect(parseDsn(dsn)).toEqual([
      { email: 'hard@example.org', type: 'hard', reason: 'smtp; 550 5.1.1 no such user' },
      { email: 'soft@example.org', type: 'soft', reason: '4.2.2' },
    ]);
  });

  it('reads an ARF complaint', () => {
    expect(
      parseDsn('Feedback-Type: abuse\nUser-Agent: x\nOriginal-Rcpt-To: <someone@example.org>\n'),
    ).toEqual([{ email: 'someone@example.org', type: 'complaint', reason: 'ARF abuse report' }]);
  });

  it('finds nothing in an ordinary mail', () => {
    expect(parseDsn('Subject: hello\n\nJust text.')).toEqual([]);
  });
});
