import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document of the api, as served at /api/docs-json. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('kreislauf')
      .setDescription('Quality development of municipal prevention networks: goals, reviews and reorientations as events.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
