import { Global, Module } from '@nestjs/common';
import { DecisionRunner } from './decision-runner';

@Global()
@Module({ providers: [DecisionRunner], exports: [DecisionRunner] })
export class WriteSideModule {}
