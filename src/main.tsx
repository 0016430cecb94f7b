import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { installAutomation } from "./automation";
import { App } from "./ui/App";
import "./ui/styles.css";

installAutomation();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
