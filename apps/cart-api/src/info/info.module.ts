import { Module } from '@nestjs/common';
import { SessionModule } from '../session/session.module';
import { InfoController } from './info.controller';

@Module({ imports: [SessionModule], controllers: [InfoController] })
export class InfoModule {}
