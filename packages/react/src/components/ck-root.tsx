import { createContext, createElement, type HTMLAttributes, type ReactNode, type Ref, useContext } from "react";
import { useCreditKit } from "../context.ts";
import { cx } from "./class-names.ts";

const InsideRoot = createContext(false);

export interface CkRootProps extends HTMLAttributes<HTMLElement> {
  as?: "div" | "section";
  children?: ReactNode;
  ref?: Ref<HTMLElement>;
}

/**
 * The outermost CreditKit element on the page gets `ck-root`, which carries the theme's custom
 * properties and lets styles.css apply. Nested components do not repeat it, so custom properties a
 * merchant sets on the outer root are inherited instead of being reset. `unstyled` drops it entirely.
 */
export function CkRoot({ as = "div", className, children, ...rest }: CkRootProps) {
  const nested = useContext(InsideRoot);
  const { unstyled, theme } = useCreditKit();
  const isRoot = !nested && !unstyled;
  return (
    <InsideRoot.Provider value={true}>
      {createElement(
        as,
        { ...rest, className: cx(isRoot && "ck-root", className), "data-ck-theme": isRoot ? theme : undefined },
        children,
      )}
    </InsideRoot.Provider>
  );
}
