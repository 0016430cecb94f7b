// npm test stops here, with one clear line, when there is no browser to test in.
import { chromiumPath, hasPlaywrightChromium } from "./chromium-path.mjs";

if (!chromiumPath() && !hasPlaywrightChromium()) {
  console.error(
    "No Chromium found for the e2e tests: install one (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH=/path/to/chromium.",
  );
  process.exit(1);
}
