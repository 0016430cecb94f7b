import { useEffect } from "react";

/** Save what is pending when the page is hidden or closed, and when the component goes away. */
export function useFlushOnHide(flush: () => void): void {
  useEffect(() => {
    const onHide = () => flush();
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onHide);
    return () => {
      flush();
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onHide);
    };
  }, [flush]);
}
