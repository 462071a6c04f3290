import { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import { FormattedExecutionResult, OperationTypeNode } from 'graphql';
import { GraphQLContext } from '../context/current-context.decorator';
import { UnitOfWork } from '../context/unit-of-work';
import { outcomeOf } from '../logging/logger';
import { loggableError } from '../logging/safe-error';

const logger = new Logger('UnitOfWork');

/** How many SQL statements the request's transaction sent, for the benchmark's N+1 check. */
export const SQL_STATEMENTS_HEADER = 'x-haven-sql-statements';

/**
 * Ends each request's transaction once the operation has run: a query commits (with its audit
 * rows), a mutation commits only if nothing failed, otherwise it rolls back and answers no data.
 */
export function unitOfWorkPlugin(statementHeader = false): ApolloServerPlugin<GraphQLContext> {
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
          } else {
            await commit(uow, body);
          }
          if (statementHeader) response.http.headers.set(SQL_STATEMENTS_HEADER, String(uow.sqlStatements));
          // the request's one log line names the codes it answered with
          if (contextValue.res) {
            const codes = (body?.errors ?? []).map((error) => {
              const code = error.extensions?.code;
              return typeof code === 'string' ? code : 'UNKNOWN';
            });
            outcomeOf(contextValue.res).codes.push(...new Set(codes));
          }
        },
      });
    },
  };
}

type SingleResult = FormattedExecutionResult;

/** Commits; a failed commit answers no data and a masked error, whatever the resolvers returned. */
async function commit(uow: UnitOfWork, body: SingleResult | undefined): Promise<void> {
  try {
    await uow.commit();
  } catch (error) {
    logger.error({ err: loggableError(error) }, 'Commit failed, answered INTERNAL_SERVER_ERROR');
    if (body) {
      body.data = null;
      body.errors = [
        ...(body.errors ?? []),
        { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ];
    }
  }
}
