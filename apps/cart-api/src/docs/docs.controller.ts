import { Controller, Get, Inject, Injectable, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import type { Request, Response } from 'express';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pageCsp } from '../../../../libs/page';
import { sendAsset, splitUrl } from '../common/send-asset';
import { APP_CONFIG, AppConfig } from '../config/config';

// The app's page policy: same-origin scripts and styles only, as the shop page.
const CSP = pageCsp({ script: "'self'", style: "'self'" });

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>cart-api · OpenAPI</title><link rel="stylesheet" href="swagger-ui.css"></head>
<body><div id="swagger-ui"></div><script src="swagger-ui-bundle.js"></script><script src="docs.js"></script></body>
</html>
`;
// Relative, so the page also holds behind a proxy that adds a path prefix.
const INIT = `window.ui = SwaggerUIBundle({ url: '../docs-json', dom_id: '#swagger-ui' });\n`;

/** Swagger UI's files, from the swagger-ui-dist that @nestjs/swagger depends on. */
const UI_FILES: Record<string, string> = { 'swagger-ui.css': 'text/css; charset=utf-8', 'swagger-ui-bundle.js': 'text/javascript; charset=utf-8' };

/** The app, for the scan SwaggerModule does on the first /docs-json; set by configureApp. */
@Injectable()
export class OpenApiSource {
  private app?: INestApplication;
  private doc?: string;
  private readonly files = new Map<string, string>();

  attach(app: INestApplication): void {
    this.app = app;
  }

  document(replica: string): string {
    if (!this.app) throw new NotFoundException('no OpenAPI document: the app was not configured');
    const { buildOpenApi } = require('./openapi') as typeof import('./openapi');
    return (this.doc ??= JSON.stringify(buildOpenApi(this.app, replica)));
  }

  uiFile(name: string): string {
    let body = this.files.get(name);
    if (body === undefined) {
      const dist = dirname(require.resolve('swagger-ui-dist/package.json', { paths: [dirname(require.resolve('@nestjs/swagger'))] }));
      this.files.set(name, (body = readFileSync(join(dist, name), 'utf8')));
    }
    return body;
  }
}

/** /docs (Swagger UI) and /docs-json (the OpenAPI 3 document), both built on first use. */
@Controller()
export class DocsController {
  constructor(
    private readonly source: OpenApiSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('docs-json')
  json(@Res() res: Response): void {
    res.set({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' }).send(this.source.document(this.config.appName));
  }

  // Express matches /docs and /docs/ alike; the relative asset URLs need the slash.
  @Get('docs')
  page(@Req() req: Request, @Res() res: Response): void {
    const [path, query] = splitUrl(req.originalUrl);
    if (!path.endsWith('/')) {
      res.redirect(301, `docs/${query}`);
      return;
    }
    sendAsset(res, 'text/html; charset=utf-8', PAGE, CSP);
  }

  @Get('docs/:file')
  file(@Param('file') file: string, @Res() res: Response): void {
    if (file === 'docs.js') return sendAsset(res, 'text/javascript; charset=utf-8', INIT, CSP);
    const type = Object.prototype.hasOwnProperty.call(UI_FILES, file) ? UI_FILES[file] : undefined;
    if (!type) throw new NotFoundException(`no such file: /docs/${file}`);
    sendAsset(res, type, this.source.uiFile(file), CSP);
  }
}
