import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { UiModule } from './ui.module';

describe('UiModule', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [UiModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(() => app.close());

  it('redirects /ui to /ui/ so relative asset URLs resolve', async () => {
    const res = await request(app.getHttpServer()).get('/ui?x=1').expect(301);
    expect(res.headers.location).toBe('ui/?x=1');
  });

  it('serves the page at /ui/ under a same-origin-only CSP', async () => {
    const res = await request(app.getHttpServer()).get('/ui/').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.text).toContain('<script src="shop.js" defer></script>');
    expect(res.text).toContain('aria-live="polite"');
    expect(res.text).not.toMatch(/https?:\/\//); // no third-party requests
  });

  it('serves a script that parses and calls nothing outside itself', async () => {
    const res = await request(app.getHttpServer()).get('/ui/shop.js').expect(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(() => new Function(res.text)).not.toThrow();
    // Function#toString keeps the body only: an import used inside would be
    // a dangling reference in the browser.
    expect(res.text).not.toMatch(/\b(require|exports|_\w+_1)\b/);
    expect(res.text).toContain("credentials: 'same-origin'");
  });

  it('serves the stylesheet and answers 304 to a revalidation', async () => {
    const first = await request(app.getHttpServer()).get('/ui/shop.css').expect(200);
    expect(first.headers['content-type']).toBe('text/css; charset=utf-8');
    await request(app.getHttpServer()).get('/ui/shop.css').set('If-None-Match', first.headers.etag).expect(304);
  });
});
