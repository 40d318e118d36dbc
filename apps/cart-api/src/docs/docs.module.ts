import { Module } from '@nestjs/common';
import { DocsController, OpenApiSource } from './docs.controller';

@Module({ providers: [OpenApiSource], controllers: [DocsController], exports: [OpenApiSource] })
export class DocsModule {}
