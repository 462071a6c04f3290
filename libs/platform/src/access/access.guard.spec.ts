import 'reflect-metadata';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { ErrorCode, HavenError } from '../errors/haven-error';
import { Actor } from '../identity/actor';
import { Role } from '../identity/role';
import { AccessGuard } from './access.guard';
import { Allow } from './allow.decorator';
import { Permission } from './permission';

class ChildFields {
  @Allow(Permission.READ_IMMIGRATION_DETAILS)
  immigrationStatus(): string {
    return 'ASYLUM_SEEKER';
  }

  /** A field resolver someone forgot to declare a permission for. */
  undeclared(): string {
    return 'anything';
  }
}

function actor(role: Role): Actor {
  return {
    practitionerId: 'p',
    subject: 's',
    name: 'n',
    role,
    organisationId: 'o',
    organisationCode: 'C',
    localAuthorityId: null,
    nation: null,
    authorityCodes: [],
  };
}

/** A field resolver's call as Nest hands it to the guard: (parent, args, context, info). */
function fieldCall(handler: keyof ChildFields, role: Role): ExecutionContextHost {
  const context = new ExecutionContextHost(
    [{}, {}, { haven: { resolveActor: () => Promise.resolve(actor(role)) } }, {}],
    ChildFields,
    // eslint-disable-next-line @typescript-eslint/unbound-method
    ChildFields.prototype[handler],
  );
  context.setType('graphql');
  return context;
}

async function refusal(guard: AccessGuard, call: ExecutionContextHost): Promise<unknown> {
  return guard.canActivate(call).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('AccessGuard on field resolvers', () => {
  it('refuses a field that declares no permission, every time it is asked (denied by default)', async () => {
    const guard = new AccessGuard(new Reflector());
    for (let time = 0; time < 2; time += 1) {
      const error = await refusal(guard, fieldCall('undeclared', Role.TEAM_MANAGER));
      expect(error).toBeInstanceOf(HavenError);
      expect((error as HavenError).code).toBe(ErrorCode.FORBIDDEN);
    }
  });

  it('allows a declared field to the roles its permission names and refuses the others, every time', async () => {
    const guard = new AccessGuard(new Reflector());
    for (let time = 0; time < 2; time += 1) {
      await expect(guard.canActivate(fieldCall('immigrationStatus', Role.SOCIAL_WORKER))).resolves.toBe(true);
      const error = await refusal(guard, fieldCall('immigrationStatus', Role.LSCB_ANALYST));
      expect((error as HavenError).code).toBe(ErrorCode.FORBIDDEN);
    }
  });
});
