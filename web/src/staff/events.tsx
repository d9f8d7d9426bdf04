/** What an event's payload says, in words, for the appeal's timeline. */
import type { ReactNode } from 'react';
import { RATING_LABELS, RESOLUTION_LABELS, type RatingValue, type Resolution } from '../../../shared/domain';
import { categoryPath } from '../tree';
import type { Category } from '../types';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);

/** The lines worth reading from a payload; ids and internal flags are left out. */
export function describePayload(action: string, p: Record<string, unknown>, categories: Category[] | undefined): ReactNode {
  const lines: string[] = [];
  const push = (label: string, v: unknown) => {
    const s = str(v);
    if (s) lines.push(label ? `${label}：${s}` : s);
  };
  switch (action) {
    case 'assign':
    case 'reassign': {
      push('主办', p.leadUnitName);
      const co = Array.isArray(p.coUnitNames) ? p.coUnitNames.filter((x): x is string => typeof x === 'string') : [];
      if (co.length) lines.push(`协办：${co.join('、')}`);
      if (typeof p.handleDays === 'number') lines.push(`办理时限：${p.handleDays}个工作日`);
      break;
    }
    case 'accept':
      if (str(p.categoryCode)) lines.push(`分类：${categoryPath(categories, String(p.categoryCode))}`);
      break;
    case 'reply':
      if (str(p.resolution)) lines.push(`办理结果：${RESOLUTION_LABELS[p.resolution as Resolution] ?? String(p.resolution)}`);
      if (p.needsReview) lines.push('待单位负责人审核');
      push('', p.body);
      break;
    case 'rate':
      if (str(p.rating)) lines.push(`评价：${RATING_LABELS[p.rating as RatingValue] ?? String(p.rating)}`);
      break;
    case 'warn':
      lines.push(p.level === 'red' ? '红牌警示' : '黄牌警示');
      break;
    case 'request_extension':
    case 'grant_extension':
      if (typeof p.days === 'number') lines.push(`延期${p.days}个工作日`);
      break;
    case 'merge':
      push('并入', p.targetTrackingCode);
      break;
    case 'merged_in':
      push('并入的诉求', p.sourceTrackingCode);
      break;
    case 'escalate':
      push('提级至', p.toUnitName);
      break;
    case 'summon': {
      const names = Array.isArray(p.unitNames) ? p.unitNames.filter((x): x is string => typeof x === 'string') : [];
      if (names.length) lines.push(`召集：${names.join('、')}`);
      break;
    }
    default:
      break;
  }
  push('理由', p.reason);
  push('说明', p.note);
  push('内容', p.message);
  push('批示', p.text);
  push('意见', p.comment);
  if (lines.length === 0) return null;
  return (
    <div className="ws-event__payload">
      {lines.map((l, i) => (
        <div key={i}>{l}</div>
      ))}
    </div>
  );
}
