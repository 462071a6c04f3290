import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { GraphQLDateTime } from '@haven/platform';
import { ALL_RESOLVERS } from './resolvers';

/** Builds the GraphQL schema from the resolvers alone (no database), as the service serves it. */
export async function buildSchema(): Promise<GraphQLSchema> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  try {
    const factory = app.get(GraphQLSchemaFactory);
    return await factory.create(ALL_RESOLVERS, {
      scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
      noDuplicatedFields: true,
    });
  } finally {
    await app.close();
  }
}

export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
