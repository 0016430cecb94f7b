import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { installAutomation } from "./automation";
import { warmStage } from "./stage/stage-pool";
import { App } from "./ui/App";
import "./ui/styles.css";

installAutomation();
warmStage(); // the first Run finds a stage ready

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
