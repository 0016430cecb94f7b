import { Link } from "./Link";
import { hrefFor } from "./router";

export function MissingPage() {
  return (
    <main className="missing">
      <h1>Page not found</h1>
      <p>There is no lesson at this address. It may have been renamed.</p>
      <Link href={hrefFor({ page: "home" })}>See all lessons</Link>
    </main>
  );
}
