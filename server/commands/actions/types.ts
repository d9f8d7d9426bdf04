import type { z } from 'zod';
import type { WorkingCalendar } from '../../../shared/calendar';
import type { AppealAction } from '../../../shared/workflow';
import type { Principal } from '../../auth/principal';
import type { AppContext } from '../../context';
import type { PoolClient } from '../../db/pool';
import type { Appeal, AppealPatch } from '../../repositories/appeals';
import type { AppealFacts } from '../../policies/appeal';

/** Everything an action sees: inside the transaction, with the appeal locked and authorised. */
export interface ActionInput<Body> {
  db: PoolClient;
  ctx: AppContext;
  principal: Principal;
  appeal: Appeal;
  facts: AppealFacts;
  body: Body;
  now: Date;
  calendar: WorkingCalendar;
}

/** What an action changes: the branch of its workflow row, columns, the event's payload, and follow-ups. */
export interface ActionEffect {
  branch?: string;
  patch?: AppealPatch;
  payload: Record<string, unknown>;
  /** Runs after the appeal row is updated, still in the transaction (jobs, notifications). */
  after?: (updated: Appeal) => Promise<void>;
}

/** One action's request schema and effect. */
export interface ActionHandler<S extends z.ZodObject = z.ZodObject> {
  action: AppealAction;
  /** One line for the API docs. */
  summary: string;
  schema: S;
  apply(input: ActionInput<z.infer<S>>): Promise<ActionEffect>;
}

/** Declares a handler with its body type inferred from its schema. */
export function defineAction<S extends z.ZodObject>(h: ActionHandler<S>): ActionHandler<S> {
  return h;
}
