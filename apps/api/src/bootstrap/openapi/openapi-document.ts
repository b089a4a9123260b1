import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentCommandConventions } from './command-conventions';
import { documentErrorResponses } from './error-responses';

/** The OpenAPI document of the app as served at /docs-json. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('gongjian — 城乡结对共建 admin API')
    .setDescription(
      'Pairing of urban and rural Party organizations (结对共建), funds (经费), member development (发展党员), star ratings (星级评定) and audit (审计).',
    )
    .setVersion('1')
    .setLicense('UNLICENSED', 'https://gongjian.example/license')
    .addServer('/', 'this server')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'API key',
      description: 'An API key from API_KEYS_FILE or API_KEYS (an opaque string, not a JWT)',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  documentCommandConventions(document);
  return documentErrorResponses(document);
}
