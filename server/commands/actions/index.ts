import type { AppealAction } from '../../../shared/workflow';
import { assign, reassign, returnAppeal, sign } from './assignment';
import { grantExtension, refuseExtension, requestExtension } from './extension';
import { accept, merge, reject } from './intake';
import { approveReply, close, rate, rejectReply, reply } from './reply';
import { escalate, instruct, report, summon, urge, warn } from './supervision';
import type { z } from 'zod';
import type { ActionHandler } from './types';

const HANDLERS = {
  accept,
  reject,
  merge,
  assign,
  reassign,
  return: returnAppeal,
  sign,
  request_extension: requestExtension,
  grant_extension: grantExtension,
  refuse_extension: refuseExtension,
  reply,
  approve_reply: approveReply,
  reject_reply: rejectReply,
  rate,
  close,
  urge,
  warn,
  escalate,
  instruct,
  summon,
  report,
} satisfies Record<AppealAction, { action: AppealAction; schema: z.ZodObject }>;

/** Every workflow action's handler; `satisfies` above makes a missing handler a compile error. */
export const ACTION_HANDLERS = HANDLERS as unknown as Record<AppealAction, ActionHandler>;
