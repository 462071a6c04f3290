import { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import { OperationTypeNode } from 'graphql';
import { GraphQLContext } from '../context/current-context.decorator';

const logger = new Logger('UnitOfWork');

/**
 * Ends each request's transaction once the operation has run: a query commits (with its audit
 * rows), a mutation commits only if nothing failed, otherwise it rolls back and answers no data.
 */
export function unitOfWorkPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        async willSendResponse({ contextValue, response, operation }) {
          const uow = contextValue.haven?.uow;
          if (!uow) return;
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const failed = (body?.errors?.length ?? 0) > 0;
          if (operation?.operation === OperationTypeNode.MUTATION && failed) {
            await uow.rollback();
            if (body) body.data = null;
            return;
          }
          try {
            await uow.commit();
          } catch (error) {
            logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
            if (body) {
              body.data = null;
              body.errors = [
                ...(body.errors ?? []),
                { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
              ];
            }
          }
        },
      });
    },
  };
}
