import { Module } from '@nestjs/common';
import { UiController } from './ui.controller';

// Serves the shop page at /ui/: static HTML, CSS and a script written in
// TypeScript (type-checked by the normal build, served as its compiled source;
// no bundler, no build step of its own).
@Module({ controllers: [UiController] })
export class UiModule {}
