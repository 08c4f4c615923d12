/**
 * The widget's stylesheet as the custom element's shadow root uses it. Inside a shadow root, the
 * theme's custom properties must be set on `:host` rather than on `.ck-root`: a page's rule for the
 * element (`creditkit-top-up { --ck-accent: #0a7 }`) then wins over our defaults (a page's rules
 * beat a shadow root's `:host` rules), and `.ck-root` inherits the result. Everything else in the
 * stylesheet applies inside the shadow root as it is. Works on the source and on minified CSS.
 */
export function hostThemeCss(css: string): string {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, "");
  // In place, so the dark-unless-light block stays inside its media query.
  const themed = withoutComments.replace(/([^{}]+)\{([^{}]*)\}/g, (rule, selector: string, body: string) => {
    if (!selector.includes(".ck-root") || !body.includes("--ck-")) return rule;
    const declarations = body.split(";").map((d) => d.trim());
    const custom = declarations.filter((d) => d.startsWith("--ck-"));
    const others = declarations.filter((d) => d && !d.startsWith("--ck-"));
    const host = `${hostSelector(selector)}{${custom.join(";")}}`;
    return others.length > 0 ? `${host}${selector}{${others.join(";")}}` : host;
  });
  return `:host{display:block}${themed}`;
}

/** The theme blocks of styles.css, by what they select: dark unless light, forced dark, or the defaults. */
function hostSelector(selector: string): string {
  if (selector.includes(":not(")) return ':host(:not([theme="light"]))';
  if (selector.includes("dark")) return ':host([theme="dark"])';
  return ":host";
}
