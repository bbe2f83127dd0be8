import { mount } from "svelte";
import App from "./App.svelte";
import { restoreLang } from "./lib/i18n/index.svelte";
import "./lib/core.css";
import "./app.css";

// The language first: the app's first paint is already in the one chosen.
restoreLang()
  .catch(() => {})
  .then(() => mount(App, { target: document.getElementById("app")! }));
