/** Fills `{name}` placeholders; unknown placeholders stay visible so a typo in an override is noticed. */
export function interpolate(template: string, values?: Record<string, string | number | undefined>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] !== undefined ? String(values[name]) : whole,
  );
}
