import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppDependencies, AppModule } from '../app.module';
import { METRICS, MetricsRegistry } from '../metrics/metrics.registry';
import { registerBoundedJsonParser } from '../http/body/bounded-json.parser';
import { clientErrorHandler, frameworkErrors } from './framework-errors';
import { answerMethodNotAllowed } from './method-not-allowed.hook';
import { ProblemFastifyAdapter } from './problem-fastify.adapter';
import { buildOpenApiDocument } from './openapi/openapi-document';

/** Builds the HTTP app around an opened event store; used by main and by the e2e tests. */
export async function createApp(
  dependencies: AppDependencies,
  options: { logs?: boolean } = {},
): Promise<NestFastifyApplication> {
  const { config } = dependencies;
  const adapter = new ProblemFastifyAdapter({
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

  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
  });
  return app;
}
