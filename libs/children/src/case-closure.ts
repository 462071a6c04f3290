import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IsoDate } from '@haven/platform';
import { CaseClosureReason } from './child.enums';

/** A case about to close: the child's row is locked until the transaction ends. */
export interface CaseClosure {
  childId: string;
  reason: CaseClosureReason;
  closedOn: IsoDate;
}

/**
 * A rule another capability holds about closing a case (the age-assessment capability decides when a
 * person has been found an adult). It answers the reason a social worker would be given, or null.
 */
export interface CaseClosureCheck {
  /** The closure reasons the check speaks for; a reason listed here is refused while no check is registered. */
  readonly reasons: readonly CaseClosureReason[];
  refusal(em: EntityManager, closure: CaseClosure): Promise<string | null>;
}

/**
 * The checks other capabilities register (they depend on children, never the reverse), run by
 * closeCase with the child's row locked: anything that changes what they read (an age dispute raised,
 * an outcome recorded, a judicial review) locks the same row first, so none can slip past the check.
 */
@Injectable()
export class CaseClosureChecks {
  private readonly checks: CaseClosureCheck[] = [];

  register(check: CaseClosureCheck): void {
    this.checks.push(check);
  }

  /** The first reason a check gives to refuse the closure, or null. */
  async refusal(em: EntityManager, closure: CaseClosure): Promise<string | null> {
    const applicable = this.checks.filter((check) => check.reasons.includes(closure.reason));
    if (applicable.length === 0 && closure.reason === CaseClosureReason.AGE_ASSESSED_ADULT) {
      return 'No age assessment can be consulted here, so the case cannot be closed as AGE_ASSESSED_ADULT';
    }
    for (const check of applicable) {
      const refusal = await check.refusal(em, closure);
      if (refusal) return refusal;
    }
    return null;
  }
}
