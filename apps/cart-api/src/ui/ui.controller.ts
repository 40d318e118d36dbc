import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { pageCsp } from '../../../../libs/page';
import { sendAsset, splitUrl } from '../common/send-asset';
import { SHOP_HTML } from './assets/page';
import { SHOP_JS } from './assets/shop-script';
import { SHOP_CSS } from './assets/style';

// Same-origin only: the page talks to this API and loads nothing else.
const CSP = pageCsp({ script: "'self'", style: "'self'" });

/**
 * The shop page, embedded as string constants: tsc copies no asset files into
 * dist/, and the Docker image ships dist/ only (see sendAsset for caching).
 */
@Controller('ui')
export class UiController {
  // Express matches /ui and /ui/ alike; the relative asset URLs need the slash.
  @Get()
  page(@Req() req: Request, @Res() res: Response): void {
    const [path, query] = splitUrl(req.originalUrl);
    if (!path.endsWith('/')) {
      // Relative, so it also holds behind a proxy that adds a path prefix.
      res.redirect(301, `ui/${query}`);
      return;
    }
    send(res, 'text/html; charset=utf-8', SHOP_HTML);
  }

  @Get('shop.js')
  script(@Res() res: Response): void {
    send(res, 'text/javascript; charset=utf-8', SHOP_JS);
  }

  @Get('shop.css')
  style(@Res() res: Response): void {
    send(res, 'text/css; charset=utf-8', SHOP_CSS);
  }
}

function send(res: Response, type: string, body: string): void {
  sendAsset(res, type, body, CSP);
}
