import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { redactUrl, requestLogging } from './request-logging';

describe('the request log', () => {
  it('writes a token in the query string as [REDACTED], and keeps the other parameters', async () => {
    const stream = new PassThrough();
    const lines: string[] = [];
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    const log = pinoHttp(requestLogging('info'), stream);
    const server = createServer((request, response) => {
      log(request, response);
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/api/v1/networks?after=812.4&access_token=eyJ.secret.sig&Token=abc&lang=de`, { headers: { authorization: 'Bearer eyJ.header.sig' } });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const entry = JSON.parse(lines.find((line) => line.includes('request completed'))!);
    expect(entry.req.url).toBe('/api/v1/networks?after=812.4&access_token=[REDACTED]&Token=[REDACTED]&lang=de');
    expect(lines.join('\n')).not.toMatch(/secret|abc|eyJ/);
  });

  it('redacts tokens, codes and secrets by parameter name, even percent-encoded', () => {
    expect(redactUrl('/sign-in/callback?code=xyz&state=s1')).toBe('/sign-in/callback?code=[REDACTED]&state=s1');
    expect(redactUrl('/x?id%5Ftoken=t&refresh_token=r&password=p&api-key=k')).toBe('/x?id%5Ftoken=[REDACTED]&refresh_token=[REDACTED]&password=[REDACTED]&api-key=[REDACTED]');
    expect(redactUrl('/api/v1/goals/1?after=3.4')).toBe('/api/v1/goals/1?after=3.4');
    expect(redactUrl('/health')).toBe('/health');
  });
});
