import { Module } from '@nestjs/common';

// Serves the shop page at /ui/ (filled in by the web-pages work).
@Module({})
export class UiModule {}
