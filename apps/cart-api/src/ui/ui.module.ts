import { Module } from '@nestjs/common';
import { UiController } from './ui.controller';

// Serves the shop page at /ui/ (static HTML + CSS + vanilla JS, no build step).
@Module({ controllers: [UiController] })
export class UiModule {}
