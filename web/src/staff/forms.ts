/** Putting an API error next to the antd form field it names. */
import type { FormInstance } from 'antd';
import { ApiError, errorText, formFieldOf } from '../api';

/**
 * Sets the field errors named in `error.details` (e.g. `body.reason` → field `reason`) on the form.
 * Returns the message to show above the buttons when no field of this form was named.
 */
export function showApiError(form: FormInstance, e: unknown, fieldNames?: readonly string[]): string | null {
  if (e instanceof ApiError && e.details.length > 0) {
    const names = new Set(fieldNames ?? Object.keys(form.getFieldsValue(true) as object));
    const onFields = e.details.filter((d) => names.has(formFieldOf(d.field)));
    if (onFields.length > 0) {
      form.setFields(onFields.map((d) => ({ name: formFieldOf(d.field), errors: [d.message || e.message] })));
      return onFields.length === e.details.length ? null : e.message;
    }
  }
  return errorText(e);
}
