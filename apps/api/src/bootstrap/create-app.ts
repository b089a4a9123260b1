import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppDependencies, AppModule } from '../app.module';
import { METRICS, MetricsRegistry } from '../metrics/metrics.registry';
import { registerBoundedJsonParser } from '../http/body/bounded-json.parser';
import { clientErrorHandler, frameworkErrors } from './framework-errors';
import { answerMethodNotAllowed } from './method-not-allowed.hook';

/** Builds the HTTP app around an opened event store; used by main and by the e2e tests. */
export async function createApp(
  dependencies: AppDependencies,
  options: { logs?: boolean } = {},
): Promise<NestFastifyApplication> {
  const { config } = dependencies;
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: true,
    frameworkErrors,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(dependencies),
    adapter,
    { bufferLogs: true, bodyParser: false, logger: options.logs === false ? false : undefined },
  );
  if (options.logs !== false) app.useLogger(app.get(Logger));
  const instance = app.getHttpAdapter().getInstance();
  registerBoundedJsonParser(instance, config.bodyLimitBytes);
  answerMethodNotAllowed(instance);

  const metrics = app.get<MetricsRegistry>(METRICS);
  instance.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration
      .labels(request.method, request.routeOptions.url ?? 'unmatched', String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });

  const document = new DocumentBuilder()
    .setTitle('gongjian — 城乡结对共建 admin API')
    .setDescription(
      'Pairing of urban and rural Party organizations (结对共建), funds (经费), member development (发展党员), star ratings (星级评定) and audit (审计).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key' })
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, document), {
    jsonDocumentUrl: 'docs-json',
  });
  return app;
}
