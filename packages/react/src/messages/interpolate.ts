/** Fills `{name}` placeholders; unknown placeholders stay visible so a typo in an override is noticed. */
export function interpolate(template: string, values?: Record<string, string | number | undefined>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] !== undefined ? String(values[name]) : whole,
  );
}

/** "status" + "paid" → "statusPaid": the message key of a status or source the BFF sends. */
export function messageKey<P extends string, V extends string>(prefix: P, value: V) {
  return `${prefix}${value[0]?.toUpperCase()}${value.slice(1)}` as `${P}${Capitalize<V>}`;
}
